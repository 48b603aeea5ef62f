package io.stylegraph.models.regions;

/** One candidate of an object detector: a box, the class it most likely shows, and that class's score. */
public record Detection(Box box, int classId, double score) {
}
