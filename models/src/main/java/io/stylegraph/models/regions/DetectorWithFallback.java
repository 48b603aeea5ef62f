package io.stylegraph.models.regions;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import io.stylegraph.models.image.RgbImage;
import io.stylegraph.models.onnx.OnnxSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Garment regions without help from the client: an ONNX detector when a model file is named (opened on first use);
 * else, or when it finds no garment, the built-in body-proportion regions.
 */
public class DetectorWithFallback implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DetectorWithFallback.class);

    private final Path model;
    private final Supplier<DetectorSettings> settings;
    private final GarmentRegionFinder builtIn = new BodyProportionRegions();
    private volatile OnnxGarmentDetector detector;

    /**
     * @param model    the detector's ONNX file; null for the built-in regions alone
     * @param settings how to read the detector's output, asked for when the detector opens
     */
    public DetectorWithFallback(Path model, Supplier<DetectorSettings> settings) {
        this.model = model;
        this.settings = settings;
    }

    /** The detector's regions; the built-in ones when no detector is configured or it finds nothing. */
    public List<GarmentRegion> find(RgbImage photo) {
        GarmentRegionFinder finder = finder();
        List<GarmentRegion> found = finder.find(photo);
        return found.isEmpty() && finder != builtIn ? builtIn.find(photo) : found;
    }

    private GarmentRegionFinder finder() {
        if (model == null) {
            return builtIn;
        }
        OnnxGarmentDetector opened = detector;
        if (opened != null) {
            return opened;
        }
        synchronized (this) {
            if (detector == null) {
                DetectorSettings read = settings.get();
                detector = new OnnxGarmentDetector(new OnnxSessions().open(model), read);
                LOG.info("Garment detector {} ready ({} classes)", model, read.classSlots().size());
            }
            return detector;
        }
    }

    @Override
    public synchronized void close() {
        if (detector != null) {
            detector.close();
            detector = null;
        }
    }
}
