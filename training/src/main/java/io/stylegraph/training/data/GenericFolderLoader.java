package io.stylegraph.training.data;

import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.imports.GenericCatalogueSource;
import io.stylegraph.graph.imports.ImportSink;
import io.stylegraph.graph.imports.PrecomputedVectors;
import io.stylegraph.graph.imports.RowError;
import io.stylegraph.graph.domain.Interaction;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Outfit;
import io.stylegraph.graph.domain.User;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A catalogue folder in the generic import format (as {@code generate-catalogue} writes it) read straight into
 * training data, without filling the graph first: its likes and dislikes split per user in time order 8:1:1, and its
 * precomputed visual and text vectors as two modalities of equal weight (as the service's training job weighs them).
 * Meant for measuring training at sizes where importing into Neo4j first would cost more than the training itself.
 * It holds every like as an object while it reads; {@link StreamingFolderLoader} reads the same folders to the same
 * result in primitive arrays.
 */
public final class GenericFolderLoader {

    /** What was read: the split dataset and the items' vectors on its item ids. */
    public record Loaded(Dataset dataset, ItemFeatures features) {
    }

    private GenericFolderLoader() {
    }

    public static Loaded load(Path folder) {
        List<TimedInteraction> likes = new ArrayList<>();
        List<TimedInteraction> dislikes = new ArrayList<>();
        Map<String, float[][]> vectorsById = new HashMap<>();
        Map<String, String> interned = new HashMap<>();
        long[] rows = {0};
        ImportSink sink = new ImportSink() {
            @Override
            public void item(Item item) {
            }

            @Override
            public void outfit(Outfit outfit) {
            }

            @Override
            public void user(User user) {
            }

            @Override
            public void vectors(PrecomputedVectors vectors) {
                vectorsById.put(vectors.itemId(), new float[][] {vectors.visual(), vectors.text()});
            }

            @Override
            public void interaction(Interaction interaction) {
                long time = interaction.at() != null ? interaction.at().toEpochMilli()
                        : interaction.position() != null ? interaction.position() : rows[0];
                rows[0]++;
                // one String per distinct id: millions of likes repeat a few hundred thousand ids
                String user = interned.computeIfAbsent(interaction.userId(), id -> id);
                String item = interned.computeIfAbsent(interaction.itemId(), id -> id);
                (interaction.signal() == Signal.LIKE ? likes : dislikes).add(new TimedInteraction(user, item, time));
            }

            @Override
            public void rejected(RowError error) {
            }
        };
        try {
            new GenericCatalogueSource(folder).read(sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogue under " + folder, e);
        }
        interned.clear();
        Dataset dataset = ChronologicalSplitter.eightOneOne().split(folder.getFileName().toString(), likes, dislikes);
        likes.clear();
        dislikes.clear();
        return new Loaded(dataset, features(dataset, vectorsById));
    }

    /**
     * The visual and text vectors (each item's [visual, text], either null) on the dataset's item ids, as two
     * modalities of equal weight; a modality no item has is left out.
     */
    static ItemFeatures features(Dataset dataset, Map<String, float[][]> vectorsById) {
        int numItems = dataset.numItems();
        float[][] visual = new float[numItems][];
        float[][] text = new float[numItems][];
        boolean anyVisual = false;
        boolean anyText = false;
        for (Map.Entry<String, float[][]> entry : vectorsById.entrySet()) {
            OptionalInt id = dataset.items().find(entry.getKey());
            if (id.isPresent()) {
                visual[id.getAsInt()] = entry.getValue()[0];
                text[id.getAsInt()] = entry.getValue()[1];
                anyVisual |= entry.getValue()[0] != null;
                anyText |= entry.getValue()[1] != null;
            }
        }
        List<ItemFeatures.Modality> modalities = new ArrayList<>();
        if (anyVisual) {
            modalities.add(new ItemFeatures.Modality("visual", visual, 0.5));
        }
        if (anyText) {
            modalities.add(new ItemFeatures.Modality("text", text, 0.5));
        }
        return new ItemFeatures(numItems, modalities);
    }
}
