package io.stylegraph.api.looks;

import java.nio.file.Path;
import java.util.List;

import io.stylegraph.graph.domain.Slot;
import io.stylegraph.models.image.RgbImage;
import io.stylegraph.models.onnx.OnnxSessions;
import io.stylegraph.models.regions.BodyProportionRegions;
import io.stylegraph.models.regions.DetectorSettings;
import io.stylegraph.models.regions.GarmentRegion;
import io.stylegraph.models.regions.GarmentRegionFinder;
import io.stylegraph.models.regions.OnnxGarmentDetector;
import io.stylegraph.models.regions.YoloLayout;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds garment regions in a photo without help from the client: the ONNX detector of {@code stylegraph.detector}
 * when one is configured (opened on first use); else, or when it finds no garment, the built-in body-proportion
 * regions.
 */
@Singleton
public class GarmentRegions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GarmentRegions.class);

    private final DetectorConfiguration config;
    private final GarmentRegionFinder builtIn = new BodyProportionRegions();
    private volatile OnnxGarmentDetector detector;

    public GarmentRegions(DetectorConfiguration config) {
        this.config = config;
        if (configured()) {
            // a class naming no slot of the catalogue would give regions nothing can match: refuse at start-up
            for (String slot : config.getClassSlots()) {
                if (!slot.isBlank() && Slot.parse(slot).isEmpty()) {
                    throw new IllegalStateException("stylegraph.detector.class-slots: '" + slot + "' is not a slot");
                }
            }
        }
    }

    private boolean configured() {
        return config.getModel() != null && !config.getModel().isBlank();
    }

    /** The detector's regions; the built-in ones when no detector is configured or it finds nothing. */
    public List<GarmentRegion> find(RgbImage photo) {
        GarmentRegionFinder finder = finder();
        List<GarmentRegion> found = finder.find(photo);
        return found.isEmpty() && finder != builtIn ? builtIn.find(photo) : found;
    }

    private GarmentRegionFinder finder() {
        if (!configured()) {
            return builtIn;
        }
        OnnxGarmentDetector opened = detector;
        if (opened != null) {
            return opened;
        }
        synchronized (this) {
            if (detector == null) {
                DetectorSettings settings = new DetectorSettings(config.getClassSlots(),
                        YoloLayout.parse(config.getLayout()).orElse(null), config.getInputSize(),
                        config.getScoreThreshold(), config.getIouThreshold(), config.getMaxRegions());
                detector = new OnnxGarmentDetector(new OnnxSessions().open(Path.of(config.getModel())), settings);
                LOG.info("Garment detector {} ready ({} classes)", config.getModel(), settings.classSlots().size());
            }
            return detector;
        }
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (detector != null) {
            detector.close();
            detector = null;
        }
    }
}
