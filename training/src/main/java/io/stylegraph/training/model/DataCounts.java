package io.stylegraph.training.model;

import java.util.List;

/** The size of the data a model was trained on, kept in its provenance. */
public record DataCounts(int users, int items, int trainLikes, int dislikes, int validationLikes,
                         List<String> modalities) {
}
