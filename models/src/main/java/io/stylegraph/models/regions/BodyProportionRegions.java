package io.stylegraph.models.regions;

import java.util.ArrayList;
import java.util.List;

import io.stylegraph.models.image.RgbImage;

/**
 * The built-in garment regions, without machine learning: finds the person as the foreground (a background model
 * from the photo's border, {@link ForegroundMask}) around the centre of the frame, then splits the person's box by
 * body proportions into top, bottom and shoes; each region's width follows the foreground within its band. Works on
 * a copy scaled to {@link Parameters#workingHeight()} rows. When no person-sized foreground is found it answers
 * {@link FixedProportionRegions}' boxes, marked with that source. Thread-safe.
 */
public final class BodyProportionRegions implements GarmentRegionFinder {

    /**
     * The rules' settings; {@link #DEFAULT} was tuned on clothing-co-parsing (see reports/regions-*.md).
     *
     * @param workingHeight rows of the scaled copy the rules run on
     * @param borderShare, rareRatio, nearDistance, farDistance the background model ({@link ForegroundMask})
     * @param minPersonShare least share of the frame's height a person must span
     * @param bands         per slot (top, bottom, shoes): start and end as shares of the person's height
     * @param widthQuantile share of the band's foreground left out on each side when measuring its width
     * @param widths        per slot, the typical garment width as a share of the person's height
     * @param measuredWeight how much the band's measured width counts against the typical one (0..1); the box is
     *                      centred on the band's median foreground column either way
     * @param personWeight  how far the boxes follow the person found (1) rather than the frame prior of
     *                      {@link FixedProportionRegions} (0). The prior alone wins on photos framed like the
     *                      data set and fails on others; 0.7 costs about 0.01 IoU on the former and gains about
     *                      0.15 on off-centre copies of them (reports/regions-clothing-co-parsing.md)
     */
    public record Parameters(int workingHeight, double borderShare, double rareRatio, double nearDistance,
                             double farDistance, double minPersonShare, double[][] bands, double widthQuantile,
                             double[] widths, double measuredWeight, double personWeight) {
        public static final Parameters DEFAULT = new Parameters(160, 0.1, 0.35, 30, 90, 0.4,
                new double[][] {{0.14, 0.52}, {0.46, 0.90}, {0.89, 1.0}}, 0.03, new double[] {0.3, 0.22, 0.16},
                0.25, 0.7);

        public Parameters withBands(double[][] bands) {
            return new Parameters(workingHeight, borderShare, rareRatio, nearDistance, farDistance, minPersonShare,
                    bands, widthQuantile, widths, measuredWeight, personWeight);
        }

        public Parameters withBackground(double borderShare, double rareRatio, double nearDistance,
                                         double farDistance) {
            return new Parameters(workingHeight, borderShare, rareRatio, nearDistance, farDistance, minPersonShare,
                    bands, widthQuantile, widths, measuredWeight, personWeight);
        }

        public Parameters withWidths(double[] widths, double measuredWeight) {
            return new Parameters(workingHeight, borderShare, rareRatio, nearDistance, farDistance, minPersonShare,
                    bands, widthQuantile, widths, measuredWeight, personWeight);
        }

        public Parameters withPersonWeight(double personWeight) {
            return new Parameters(workingHeight, borderShare, rareRatio, nearDistance, farDistance, minPersonShare,
                    bands, widthQuantile, widths, measuredWeight, personWeight);
        }

        public Parameters withWidthQuantile(double widthQuantile) {
            return new Parameters(workingHeight, borderShare, rareRatio, nearDistance, farDistance, minPersonShare,
                    bands, widthQuantile, widths, measuredWeight, personWeight);
        }
    }

    static final List<String> SLOTS = List.of("top", "bottom", "shoes");
    static final double CONFIDENCE = 0.5;

    private final Parameters parameters;
    private final FixedProportionRegions whenNoPerson = new FixedProportionRegions();

    public BodyProportionRegions() {
        this(Parameters.DEFAULT);
    }

    public BodyProportionRegions(Parameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public List<GarmentRegion> find(RgbImage photo) {
        Person person = person(photo);
        if (person == null) {
            return whenNoPerson.find(photo);
        }
        int w = person.width();
        int h = person.height();
        double sx = (double) photo.width() / w;
        double sy = (double) photo.height() / h;
        double personHeight = person.bottom() + 1 - person.top();
        List<GarmentRegion> prior = whenNoPerson.find(photo);
        List<GarmentRegion> regions = new ArrayList<>(SLOTS.size());
        for (int s = 0; s < SLOTS.size(); s++) {
            double[] band = parameters.bands()[s];
            int y0 = Math.max(0, (int) Math.floor(person.top() + band[0] * personHeight));
            int y1 = Math.min(h, (int) Math.ceil(person.top() + band[1] * personHeight));
            double[] columns = y1 > y0 ? columnRange(person.mask(), w, y0, y1) : null;
            if (columns == null) {
                regions.add(prior.get(s));
                continue;
            }
            double width = parameters.measuredWeight() * (columns[1] + 1 - columns[0])
                    + (1 - parameters.measuredWeight()) * parameters.widths()[s] * personHeight;
            Box found = new Box((columns[2] + 0.5 - width / 2) * sx, y0 * sy, (columns[2] + 0.5 + width / 2) * sx,
                    y1 * sy);
            Box box = blend(found, prior.get(s).box(), parameters.personWeight()).clip(photo.width(), photo.height());
            if (!box.isEmpty()) {
                regions.add(new GarmentRegion(SLOTS.get(s), box, CONFIDENCE, RegionSource.BODY_PROPORTIONS));
            }
        }
        return regions;
    }

    private static Box blend(Box a, Box b, double weight) {
        return new Box(weight * a.x0() + (1 - weight) * b.x0(), weight * a.y0() + (1 - weight) * b.y0(),
                weight * a.x1() + (1 - weight) * b.x1(), weight * a.y1() + (1 - weight) * b.y1());
    }

    /** The person's pixels on the working copy, and the first and last rows they reach. */
    record Person(boolean[] mask, int width, int height, int top, int bottom) {
    }

    /** The person found in the photo, or null when no foreground spans {@link Parameters#minPersonShare()}. */
    Person person(RgbImage photo) {
        double scale = Math.min(1.0, (double) parameters.workingHeight() / photo.height());
        RgbImage small = scale < 1 ? shrink(photo, scale) : photo;
        int w = small.width();
        int h = small.height();
        boolean[] mask = ForegroundMask.of(small, parameters.borderShare(), parameters.rareRatio(),
                parameters.nearDistance(), parameters.farDistance());
        mask = ForegroundMask.majority(ForegroundMask.majority(mask, w, h), w, h);
        boolean[] person = PersonComponents.select(mask, w, h);
        int top = -1;
        int bottom = -1;
        for (int y = 0; y < h; y++) {
            if (rowCount(person, w, y) >= 2) {
                top = top < 0 ? y : top;
                bottom = y;
            }
        }
        if (top < 0 || bottom - top + 1 < parameters.minPersonShare() * h) {
            return null;
        }
        return new Person(person, w, h, top, bottom);
    }

    private static int rowCount(boolean[] mask, int w, int y) {
        int n = 0;
        for (int x = 0; x < w; x++) {
            if (mask[y * w + x]) {
                n++;
            }
        }
        return n;
    }

    /**
     * The first and last columns holding all but {@code widthQuantile} of the band's foreground on each side, and the
     * median foreground column; null when the band has no foreground.
     */
    private double[] columnRange(boolean[] mask, int w, int y0, int y1) {
        int[] counts = new int[w];
        int total = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < w; x++) {
                if (mask[y * w + x]) {
                    counts[x]++;
                    total++;
                }
            }
        }
        if (total == 0) {
            return null;
        }
        double cut = parameters.widthQuantile() * total;
        int left = 0;
        for (int seen = 0; left < w - 1 && seen + counts[left] <= cut; left++) {
            seen += counts[left];
        }
        int right = w - 1;
        for (int seen = 0; right > left && seen + counts[right] <= cut; right--) {
            seen += counts[right];
        }
        int median = 0;
        for (int seen = counts[0]; seen * 2 < total; seen += counts[++median]) {
            // walk to the column where half the foreground lies left
        }
        return new double[] {left, right, median};
    }

    /** Area-averaged downscale. */
    static RgbImage shrink(RgbImage photo, double scale) {
        int w = Math.max(1, (int) Math.round(photo.width() * scale));
        int h = Math.max(1, (int) Math.round(photo.height() * scale));
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            int py0 = y * photo.height() / h;
            int py1 = Math.max(py0 + 1, (y + 1) * photo.height() / h);
            for (int x = 0; x < w; x++) {
                int px0 = x * photo.width() / w;
                int px1 = Math.max(px0 + 1, (x + 1) * photo.width() / w);
                for (int c = 0; c < 3; c++) {
                    long sum = 0;
                    for (int py = py0; py < py1; py++) {
                        for (int px = px0; px < px1; px++) {
                            sum += photo.sample(px, py, c);
                        }
                    }
                    out[(y * w + x) * 3 + c] = (byte) Math.round((double) sum / ((py1 - py0) * (px1 - px0)));
                }
            }
        }
        return new RgbImage(w, h, out);
    }

    @Override
    public RegionSource source() {
        return RegionSource.BODY_PROPORTIONS;
    }
}
