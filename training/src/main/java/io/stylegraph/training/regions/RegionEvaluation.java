package io.stylegraph.training.regions;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

import io.stylegraph.models.image.ImageDecoder;
import io.stylegraph.models.image.ImageLimits;
import io.stylegraph.models.image.RgbImage;
import io.stylegraph.models.onnx.OnnxSessions;
import io.stylegraph.models.regions.BodyProportionRegions;
import io.stylegraph.models.regions.DetectorSettings;
import io.stylegraph.models.regions.FixedProportionRegions;
import io.stylegraph.models.regions.GarmentRegion;
import io.stylegraph.models.regions.OnnxGarmentDetector;
import io.stylegraph.models.regions.YoloLayout;
import io.stylegraph.training.report.Provenance;

/**
 * Measures shop-the-look's garment regions against annotated boxes (a folder laid out as clothing-co-parsing:
 * {@code photos/<id>.jpg}, {@code boxes.csv}): mean IoU and recall at IoU 0.5 per slot for the built-in
 * body-proportion regions, an ONNX detector when one is given, a fixed-proportion baseline and random boxes, on the
 * photos and on off-centre copies of them; answers a {@link RegionReport} with the run's provenance.
 */
public final class RegionEvaluation {

    public static final String AS_PHOTOGRAPHED = "as photographed";
    public static final String OFF_CENTRE = "off-centre copies";
    private static final List<String> RANDOM_SLOTS = List.of("top", "bottom", "shoes");

    /**
     * A YOLO-style ONNX garment detector to measure beside the built-in regions.
     *
     * @param classes   the slot of each class by index; an empty entry ignores a class
     * @param layout    auto, v8, v8-rows, v5 or v5-columns; null for auto
     * @param inputSize input side when the model leaves it open
     */
    public record Detector(Path model, List<String> classes, String layout, int inputSize) {

        public Detector {
            if (classes == null || classes.isEmpty()) {
                throw new IllegalArgumentException("--detector needs --detector-classes (the slot of each class, "
                        + "by index)");
            }
        }
    }

    /**
     * What to measure.
     *
     * @param folder   photos/&lt;id&gt;.jpg and boxes.csv
     * @param name     the report's name; null for the folder's name
     * @param detector null to measure the built-in sources only
     * @param limit    only the first this many photos; null for all
     * @param seed     seed of the random boxes and the off-centre offsets
     * @param widen    off-centre copies are this many times as wide as the photo; 1 or less to skip them
     */
    public record Settings(Path folder, String name, Detector detector, Integer limit, long seed, double widen) {

        /** {@code regions-<name>}, the name made safe for a file name. */
        public String reportName() {
            String base = name != null ? name : folder.toAbsolutePath().normalize().getFileName().toString();
            return "regions-" + base.replaceAll("[^A-Za-z0-9._-]", "_");
        }
    }

    private record Contender(String label, String description, List<String> slots,
                             BiFunction<AnnotatedPhoto, RgbImage, List<GarmentRegion>> regions) {
    }

    private RegionEvaluation() {
    }

    /**
     * Measures every source on the folder's photos.
     *
     * @param command the command line to name in the report
     * @param out     where progress goes
     */
    public static RegionReport run(Settings settings, String command, PrintStream out) throws Exception {
        Provenance started = Provenance.start(command);
        Path folder = settings.folder();
        Integer limit = settings.limit();
        long seed = settings.seed();
        double widen = settings.widen();
        AnnotatedPhotos.Loaded loaded = AnnotatedPhotos.read(folder);
        List<AnnotatedPhoto> photos = limit == null ? loaded.photos()
                : loaded.photos().subList(0, Math.min(limit, loaded.photos().size()));
        out.printf("%d annotated photos in %s%s%n", loaded.photos().size(), folder,
                limit == null ? "" : " (evaluating the first " + photos.size() + ")");

        List<Contender> contenders = new ArrayList<>();
        BodyProportionRegions body = new BodyProportionRegions();
        contenders.add(new Contender("body proportions (built-in)", "person found as the foreground against a "
                + "background model from the photo's border, split by body proportions into top / bottom / "
                + "shoes; the width of each band follows the foreground", List.of("top", "bottom", "shoes"),
                (p, image) -> body.find(image)));
        OnnxGarmentDetector onnx = null;
        Detector detector = settings.detector();
        if (detector != null) {
            DetectorSettings defaults = DetectorSettings.of(detector.classes());
            DetectorSettings detectorSettings = new DetectorSettings(detector.classes(),
                    YoloLayout.parse(detector.layout()).orElse(null), detector.inputSize(), defaults.scoreThreshold(),
                    defaults.iouThreshold(), defaults.maxRegions());
            onnx = new OnnxGarmentDetector(new OnnxSessions().open(detector.model()), detectorSettings);
            OnnxGarmentDetector model = onnx;
            contenders.add(new Contender("ONNX detector", detector.model().getFileName() + ", classes "
                    + detector.classes(), detectorSettings.classSlots().stream().filter(s -> !s.isEmpty())
                    .distinct().toList(), (p, image) -> model.find(image)));
        }
        FixedProportionRegions fixed = new FixedProportionRegions();
        contenders.add(new Contender("fixed proportions (baseline)", "the same three boxes in every photo: the "
                + "median boxes of clothing-co-parsing as fractions of the frame", List.of("top", "bottom", "shoes"),
                (p, image) -> fixed.find(image)));
        RandomRegions random = new RandomRegions(RANDOM_SLOTS, seed);
        contenders.add(new Contender("random boxes", "per slot a box with uniformly random corners (seed " + seed
                + ")", RANDOM_SLOTS, (p, image) -> random.regions(p.id(), image.width(), image.height())));

        boolean offCentre = widen > 1;
        List<RegionScores> scores = contenders.stream().map(c -> new RegionScores()).toList();
        List<RegionScores> offCentreScores = contenders.stream().map(c -> new RegionScores()).toList();
        long[] nanos = new long[contenders.size()];
        Map<String, Integer> boxesPerSlot = new TreeMap<>();
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        try {
            for (int i = 0; i < photos.size(); i++) {
                AnnotatedPhoto photo = photos.get(i);
                photo.boxes().forEach((slot, boxes) -> boxesPerSlot.merge(slot, boxes.size(), Integer::sum));
                RgbImage image = RgbImage.of(decoder.decode(Files.readAllBytes(photo.file())).image());
                for (int c = 0; c < contenders.size(); c++) {
                    long start = System.nanoTime();
                    List<GarmentRegion> regions = contenders.get(c).regions().apply(photo, image);
                    nanos[c] += System.nanoTime() - start;
                    scores.get(c).add(photo.boxes(), regions);
                }
                if (offCentre) {
                    OffCentreCopy.Copy copy = OffCentreCopy.of(image, photo.boxes(), widen, seed, photo.id());
                    for (int c = 0; c < contenders.size(); c++) {
                        offCentreScores.get(c).add(copy.boxes(), contenders.get(c).regions().apply(photo,
                                copy.image()));
                    }
                }
                if ((i + 1) % 100 == 0 || i + 1 == photos.size()) {
                    out.printf(Locale.ROOT, "%d/%d photos; %s%n", i + 1, photos.size(), summary(contenders, scores));
                }
            }
        } finally {
            if (onnx != null) {
                onnx.close();
            }
        }

        List<RegionReport.Source> sources = new ArrayList<>();
        for (int c = 0; c < contenders.size(); c++) {
            Contender contender = contenders.get(c);
            sources.add(new RegionReport.Source(contender.label(), AS_PHOTOGRAPHED, contender.description(),
                    contender.slots(), scores.get(c).bySlot(), scores.get(c).over(contender.slots()),
                    scores.get(c).overall(), photos.isEmpty() ? 0 : nanos[c] / 1e6 / photos.size()));
        }
        for (int c = 0; offCentre && c < contenders.size(); c++) {
            Contender contender = contenders.get(c);
            sources.add(new RegionReport.Source(contender.label(), OFF_CENTRE, contender.description(),
                    contender.slots(), offCentreScores.get(c).bySlot(),
                    offCentreScores.get(c).over(contender.slots()), offCentreScores.get(c).overall(), Double.NaN));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("photos evaluated", photos.size());
        data.put("annotated boxes per slot", boxesPerSlot);
        data.put("boxes naming a missing photo (left out)", loaded.boxesWithoutPhoto());
        if (offCentre) {
            data.put("off-centre copies", String.format(Locale.ROOT, "each photo on a canvas %.2f times as wide at "
                    + "a random horizontal offset (seed %d), the rest filled by repeating its outermost columns; "
                    + "boxes moved with it", widen, seed));
        }
        List<String> notes = new ArrayList<>(List.of(
                "Each annotated box is compared with the source's first region of the same slot; no region of the "
                        + "slot counts as IoU 0 (so a source that never gives dresses or bags scores 0 there). "
                        + "'found' is IoU >= 0.5. 'mean IoU where given' averages only over boxes the source gave "
                        + "a region for.",
                "Annotated boxes cover only the visible part of a garment (both shoes in one box); a top under a "
                        + "dress, or a dress without a top, is annotated as it is, while the built-in regions "
                        + "always split a person into top / bottom / shoes.",
                "ms per photo: finding the regions only (decoding excluded), one thread, this machine; it is a "
                        + "report figure, not a benchmark.",
                "Off-centre copies are synthetic: they test whether a source follows the person or only the usual "
                        + "framing of the data set; the fixed-proportion boxes are stretched with the wider frame."));
        if (folder.getFileName() != null && folder.getFileName().toString().equals("clothing-co-parsing")) {
            notes.add("The body-proportion rules and the fixed-proportion boxes were tuned on these same 753 photos "
                    + "(no held-out part is available here; the data owners hold back 25 % for evaluation), so "
                    + "their figures are optimistic; expect somewhat lower ones on unseen street photos.");
        }
        Provenance run = started.finish();
        return new RegionReport(settings.reportName(), folder.toString(), run.command(), run.gitRevision(),
                run.startedAt(), run.finishedAt(), run.machine(), data, sources, notes);
    }

    private static String summary(List<Contender> contenders, List<RegionScores> scores) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < contenders.size(); c++) {
            SlotScore s = scores.get(c).over(contenders.get(c).slots());
            line.append(String.format(Locale.ROOT, "%s: IoU %.3f, found %.3f; ", contenders.get(c).label(),
                    s.meanIou(), s.recallAt50()));
        }
        return line.toString();
    }
}
