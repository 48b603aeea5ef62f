package io.stylegraph.training.experiment;

import io.stylegraph.training.data.Dataset;
import io.stylegraph.training.job.ModelArtifact;
import io.stylegraph.training.model.EmbeddingModel;
import io.stylegraph.training.model.RecommenderModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An experiment's trained vectors, for analysis outside the service: {@code users.txt} and {@code items.txt} (the
 * external ids in row order) and per embedding model {@code <model>-users.f32} and {@code <model>-items.f32}
 * (little-endian float32 rows in that order).
 */
final class EmbeddingFiles {

    private final Path directory;

    EmbeddingFiles(Path directory) {
        this.directory = directory;
    }

    void writeIds(Dataset data) {
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve("users.txt"), data.users().externalIds());
            Files.write(directory.resolve("items.txt"), data.items().externalIds());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model's vectors; nothing for a model without embeddings. */
    void write(String name, RecommenderModel model) {
        if (!(model instanceof EmbeddingModel embeddings)) {
            return;
        }
        try {
            ModelArtifact.writeFloats(directory.resolve(name + "-users.f32"), embeddings.userEmbeddings());
            ModelArtifact.writeFloats(directory.resolve(name + "-items.f32"), embeddings.itemEmbeddings());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
