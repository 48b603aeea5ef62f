package io.stylegraph.training.regions;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.stylegraph.models.regions.Box;

/** A photo and its hand-made garment boxes, by slot. */
public record AnnotatedPhoto(String id, Path file, Map<String, List<Box>> boxes) {

    public AnnotatedPhoto {
        boxes = Map.copyOf(boxes);
    }
}
