package io.stylegraph.training.cli;

import io.stylegraph.training.eval.GitRevision;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import io.stylegraph.training.regions.AnnotatedPhoto;
import io.stylegraph.training.regions.AnnotatedPhotos;
import io.stylegraph.training.regions.OffCentreCopy;
import io.stylegraph.training.regions.RandomRegions;
import io.stylegraph.training.regions.RegionScores;
import io.stylegraph.training.regions.SlotScore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate-regions}: measures shop-the-look's garment regions against annotated boxes (a folder laid out as
 * clothing-co-parsing: {@code photos/<id>.jpg}, {@code boxes.csv}) and writes {@code regions-<name>.md} and
 * {@code .json}: mean IoU and recall at IoU 0.5 per slot for the built-in body-proportion regions, the ONNX detector
 * when {@code --detector} is given, a fixed-proportion baseline and random boxes.
 */
@Command(name = "evaluate-regions", mixinStandardHelpOptions = true,
        description = "Measure garment regions (shop the look) against annotated boxes and write a report.")
public final class EvaluateRegionsCommand implements Callable<Integer> {

    private static final List<String> RANDOM_SLOTS = List.of("top", "bottom", "shoes");
    static final String AS_PHOTOGRAPHED = "as photographed";
    static final String OFF_CENTRE = "off-centre copies";

    @Option(names = "--folder", required = true, description = "folder with photos/<id>.jpg and boxes.csv")
    Path folder;

    @Option(names = "--name", description = "report name (default: the folder's name)")
    String name;

    @Option(names = "--report-dir", defaultValue = "reports", description = "report directory (default: ${DEFAULT-VALUE})")
    Path reportDir;

    @Option(names = "--detector", description = "a YOLO-style ONNX garment detector to measure as well")
    Path detector;

    @Option(names = "--detector-classes", split = ",",
            description = "the detector's class slots by class index, comma-separated; an empty entry ignores a class")
    List<String> detectorClasses;

    @Option(names = "--detector-layout", description = "auto, v8, v8-rows, v5, v5-columns (default: auto)")
    String detectorLayout;

    @Option(names = "--detector-input-size", defaultValue = "640",
            description = "input side when the model leaves it open (default: ${DEFAULT-VALUE})")
    int detectorInputSize;

    @Option(names = "--limit", description = "evaluate only the first N photos (a quick look; do not report)")
    Integer limit;

    @Option(names = "--seed", defaultValue = "7",
            description = "seed of the random boxes and off-centre offsets (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--off-centre-widen", defaultValue = "1.6", description = "also measure on off-centre copies: "
            + "each photo on a canvas this many times as wide, at a random offset; 0 to skip (default: ${DEFAULT-VALUE})")
    double widen;

    @Spec
    CommandSpec spec;

    private final PrintStream out;

    public EvaluateRegionsCommand() {
        this(System.out);
    }

    EvaluateRegionsCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvaluateRegionsCommand()).execute(args));
    }

    private record Contender(String label, String description, List<String> slots,
                             BiFunction<AnnotatedPhoto, RgbImage, List<GarmentRegion>> regions) {
    }

    @Override
    public Integer call() throws Exception {
        if (detector != null && (detectorClasses == null || detectorClasses.isEmpty())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--detector needs --detector-classes (the slot of each class, by index)");
        }
        Instant started = Instant.now();
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
        if (detector != null) {
            DetectorSettings defaults = DetectorSettings.of(detectorClasses);
            DetectorSettings settings = new DetectorSettings(detectorClasses, YoloLayout.parse(detectorLayout)
                    .orElse(null), detectorInputSize, defaults.scoreThreshold(), defaults.iouThreshold(),
                    defaults.maxRegions());
            onnx = new OnnxGarmentDetector(new OnnxSessions().open(detector), settings);
            OnnxGarmentDetector model = onnx;
            contenders.add(new Contender("ONNX detector", detector.getFileName() + ", classes " + detectorClasses,
                    settings.classSlots().stream().filter(s -> !s.isEmpty()).distinct().toList(),
                    (p, image) -> model.find(image)));
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
        RegionReport report = new RegionReport(reportName(), folder.toString(), commandLine(), GitRevision.current(),
                started.toString(), Instant.now().toString(),
                new EvaluationReport.Machine(Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().maxMemory(), System.getProperty("java.version"),
                        System.getProperty("os.name") + " " + System.getProperty("os.arch")),
                data, sources, notes);
        Path[] written = write(report);
        out.printf("wrote %s and %s%n", written[0], written[1]);
        return 0;
    }

    String reportName() {
        String base = name != null ? name : folder.toAbsolutePath().normalize().getFileName().toString();
        return "regions-" + base.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private String summary(List<Contender> contenders, List<RegionScores> scores) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < contenders.size(); c++) {
            SlotScore s = scores.get(c).over(contenders.get(c).slots());
            line.append(String.format(Locale.ROOT, "%s: IoU %.3f, found %.3f; ", contenders.get(c).label(),
                    s.meanIou(), s.recallAt50()));
        }
        return line.toString();
    }

    private String commandLine() {
        List<String> args = spec == null || spec.commandLine().getParseResult() == null ? List.of()
                : spec.commandLine().getParseResult().originalArgs();
        int at = spec == null ? -1 : args.indexOf(spec.name());
        if (at >= 0) {
            args = args.subList(at + 1, args.size());
        }
        return "./stylegraph evaluate-regions " + String.join(" ", args);
    }

    private Path[] write(RegionReport report) throws IOException {
        Files.createDirectories(reportDir);
        Path json = reportDir.resolve(report.name() + ".json");
        Path markdown = reportDir.resolve(report.name() + ".md");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        Files.writeString(markdown, markdown(report));
        return new Path[] {json, markdown};
    }

    static String markdown(RegionReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Garment regions on ").append(report.folder()).append("\n\n");
        md.append("Written by `").append(report.command()).append("`.\n\n");
        md.append("- git revision: `").append(report.gitRevision()).append("`\n");
        md.append("- started ").append(report.startedAt()).append(", finished ").append(report.finishedAt())
                .append('\n');
        md.append(String.format(Locale.ROOT, "- machine: %d cores, Java %s, %s%n", report.machine().cores(),
                report.machine().java(), report.machine().os()));
        report.data().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Over the slots each source gives\n\n");
        md.append("| source | framing | slots | boxes | mean IoU | found (IoU >= 0.5) | ms per photo |\n");
        md.append("|---|---|---|---:|---:|---:|---:|\n");
        for (RegionReport.Source s : report.sources()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.3f | %.1f %% | %s |%n", s.label(),
                    s.framing(), String.join(", ", s.slots()), s.overSlots().boxes(), s.overSlots().meanIou(),
                    100 * s.overSlots().recallAt50(), Double.isNaN(s.msPerPhoto()) ? ""
                            : String.format(Locale.ROOT, "%.1f", s.msPerPhoto())));
        }
        for (String framing : List.of(AS_PHOTOGRAPHED, OFF_CENTRE)) {
            List<RegionReport.Source> inFraming = report.sources().stream()
                    .filter(s -> s.framing().equals(framing)).toList();
            if (!inFraming.isEmpty()) {
                perSlot(md, framing, inFraming);
            }
        }
        md.append("\n## Sources\n\n");
        report.sources().stream().filter(s -> s.framing().equals(AS_PHOTOGRAPHED)).forEach(s -> md.append("- **")
                .append(s.label()).append("**: ").append(s.description()).append('\n'));
        md.append("\n## Notes\n\n");
        report.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        return md.toString();
    }

    private static void perSlot(StringBuilder md, String framing, List<RegionReport.Source> sources) {
        md.append("\n## Per slot, ").append(framing)
                .append("\n\nmean IoU / found (IoU >= 0.5) / mean IoU where given\n\n");
        List<String> slots = new ArrayList<>(sources.get(0).bySlot().keySet());
        md.append("| slot | boxes |");
        sources.forEach(s -> md.append(' ').append(s.label()).append(" |"));
        md.append("\n|---|---:|");
        sources.forEach(s -> md.append("---:|"));
        md.append('\n');
        for (String slot : slots) {
            md.append("| ").append(slot).append(" | ")
                    .append(sources.get(0).bySlot().get(slot).boxes()).append(" |");
            for (RegionReport.Source s : sources) {
                SlotScore score = s.bySlot().get(slot);
                md.append(String.format(Locale.ROOT, " %.3f / %.1f %% / %s |", score.meanIou(),
                        100 * score.recallAt50(), Double.isNaN(score.meanIouWhenPredicted()) ? "-"
                                : String.format(Locale.ROOT, "%.3f", score.meanIouWhenPredicted())));
            }
            md.append('\n');
        }
    }
}
