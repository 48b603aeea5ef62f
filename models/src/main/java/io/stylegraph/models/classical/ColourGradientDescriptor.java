package io.stylegraph.models.classical;

import io.stylegraph.models.ImageEncoder;
import io.stylegraph.models.Vectors;
import io.stylegraph.models.image.RgbImage;
import io.stylegraph.models.preprocess.ResampleFilter;
import io.stylegraph.models.preprocess.Resampler;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The built-in image encoder: a classical descriptor of colour and shape that needs no model files.
 *
 * <p>The picture (alpha composited over white) is resized to a square working size, then described by
 * <ul>
 *   <li>HSV colour histograms ({@link HsvBins}): one over the whole picture and one per quadrant, each L1-normalized
 *       and square-rooted (Hellinger), so a large uniform background does not swamp the garment's colours;</li>
 *   <li>gradient-orientation histograms (HOG-like, {@link OrientationHistograms}) over a square grid of cells,
 *       each cell L2-normalized.</li>
 * </ul>
 * The colour part and the gradient part are each scaled to unit length and weighted, the concatenation is
 * L2-normalized. Deterministic and stateless: safe to share between threads.
 */
public final class ColourGradientDescriptor implements ImageEncoder {

    public static final int DEFAULT_WORKING_SIZE = 128;
    public static final int DEFAULT_GRID = 4;
    public static final int DEFAULT_ORIENTATIONS = 8;
    public static final double DEFAULT_COLOUR_WEIGHT = 0.5;

    /** Colour histograms: the whole picture, then its four quadrants (top-left, top-right, bottom-left, bottom-right). */
    static final int COLOUR_REGIONS = 5;

    private final int workingSize;
    private final OrientationHistograms orientations;
    private final double colourWeight;
    private final Resampler resampler = new Resampler(ResampleFilter.BILINEAR);

    public ColourGradientDescriptor() {
        this(DEFAULT_WORKING_SIZE, DEFAULT_GRID, DEFAULT_ORIENTATIONS, DEFAULT_COLOUR_WEIGHT);
    }

    /**
     * @param workingSize  side of the square the picture is resized to before description
     * @param grid         cells per side of the gradient grid
     * @param orientations orientation bins over 0..180 degrees (unsigned gradients)
     * @param colourWeight share of the colour part in the final vector, 0..1; the gradient part gets the rest
     */
    public ColourGradientDescriptor(int workingSize, int grid, int orientations, double colourWeight) {
        if (workingSize < 2 * grid || grid < 1 || orientations < 2) {
            throw new IllegalArgumentException("need workingSize >= 2 * grid, grid >= 1, orientations >= 2");
        }
        if (colourWeight < 0 || colourWeight > 1) {
            throw new IllegalArgumentException("colourWeight must be within 0..1, got " + colourWeight);
        }
        this.workingSize = workingSize;
        this.orientations = new OrientationHistograms(grid, orientations);
        this.colourWeight = colourWeight;
    }

    @Override
    public List<float[]> encode(List<BufferedImage> images) {
        List<float[]> out = new ArrayList<>(images.size());
        for (BufferedImage image : images) {
            out.add(describe(RgbImage.onWhite(image)));
        }
        return out;
    }

    /** Offset of the colour part (global histogram first, then the quadrants) in the vector. */
    int colourOffset() {
        return 0;
    }

    /** Offset of the gradient part: cells row by row, each {@code orientations} bins. */
    int gradientOffset() {
        return COLOUR_REGIONS * HsvBins.COUNT;
    }

    float[] describe(RgbImage image) {
        RgbImage work = resampler.resize(image, workingSize, workingSize);
        float[] colour = colourPart(work);
        float[] gradient = orientations.describe(work);
        scaleToLength(colour, Math.sqrt(colourWeight));
        scaleToLength(gradient, Math.sqrt(1 - colourWeight));
        float[] out = new float[colour.length + gradient.length];
        System.arraycopy(colour, 0, out, 0, colour.length);
        System.arraycopy(gradient, 0, out, colour.length, gradient.length);
        return Vectors.normalizeInPlace(out);
    }

    private float[] colourPart(RgbImage work) {
        int bins = HsvBins.COUNT;
        float[] counts = new float[COLOUR_REGIONS * bins];
        int half = workingSize / 2;
        for (int y = 0; y < workingSize; y++) {
            for (int x = 0; x < workingSize; x++) {
                int bin = HsvBins.of(work.sample(x, y, 0), work.sample(x, y, 1), work.sample(x, y, 2));
                int quadrant = 1 + (y < half ? 0 : 2) + (x < half ? 0 : 1);
                counts[bin] += 1;
                counts[quadrant * bins + bin] += 1;
            }
        }
        for (int region = 0; region < COLOUR_REGIONS; region++) {
            hellinger(counts, region * bins, bins);
        }
        return counts;
    }

    /** L1-normalizes a histogram block and takes square roots: the result has unit L2 length. */
    private static void hellinger(float[] v, int from, int length) {
        double total = 0;
        for (int i = from; i < from + length; i++) {
            total += v[i];
        }
        if (total == 0) {
            return;
        }
        for (int i = from; i < from + length; i++) {
            v[i] = (float) Math.sqrt(v[i] / total);
        }
    }

    private static void scaleToLength(float[] v, double length) {
        double norm = Vectors.norm(v);
        if (norm == 0) {
            return;
        }
        float factor = (float) (length / norm);
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
    }

    @Override
    public int dimension() {
        return gradientOffset() + orientations.length();
    }

    @Override
    public String modelId() {
        return String.format(Locale.ROOT, "colour-gradient-v1:hsv%dx%d+hog%dx%dx%d@%d,w%.2f",
                HsvBins.COUNT, COLOUR_REGIONS, orientations.grid(), orientations.grid(), orientations.bins(),
                workingSize, colourWeight);
    }

    @Override
    public void close() {
        // nothing held
    }
}
