package io.stylegraph.api.looks;

import java.nio.file.Path;

import io.stylegraph.graph.domain.Slot;
import io.stylegraph.models.regions.DetectorSettings;
import io.stylegraph.models.regions.DetectorWithFallback;
import io.stylegraph.models.regions.YoloLayout;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * The service's {@link DetectorWithFallback}: the ONNX detector of {@code stylegraph.detector} when one is configured,
 * else the built-in body-proportion regions; closed with the application.
 */
@Singleton
public class GarmentRegions extends DetectorWithFallback {

    public GarmentRegions(DetectorConfiguration config) {
        super(checked(config) ? Path.of(config.getModel()) : null, () -> new DetectorSettings(config.getClassSlots(),
                YoloLayout.parse(config.getLayout()).orElse(null), config.getInputSize(), config.getScoreThreshold(),
                config.getIouThreshold(), config.getMaxRegions()));
    }

    private static boolean configured(DetectorConfiguration config) {
        return config.getModel() != null && !config.getModel().isBlank();
    }

    /** Whether a detector is configured; a class naming no slot of the catalogue is refused at start-up. */
    private static boolean checked(DetectorConfiguration config) {
        if (!configured(config)) {
            return false;
        }
        for (String slot : config.getClassSlots()) {
            if (!slot.isBlank() && Slot.parse(slot).isEmpty()) {
                throw new IllegalStateException("stylegraph.detector.class-slots: '" + slot + "' is not a slot");
            }
        }
        return true;
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        super.close();
    }
}
