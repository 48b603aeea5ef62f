package io.stylegraph.training.data;

import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.DatasetSources;
import io.stylegraph.graph.imports.ImportSinks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A dataset without a fixed split, read through its import adapter (the same one that fills the graph) and split
 * per user in time order 8:1:1 by {@link ChronologicalSplitter}. A signal's time is its date when the data has one,
 * else its position in the user's sequence, else the order of the rows.
 */
public final class SourceDatasetLoader {

    private final String name;
    private final ChronologicalSplitter splitter;

    public SourceDatasetLoader(String name, ChronologicalSplitter splitter) {
        this.name = name;
        this.splitter = splitter;
    }

    public Dataset load(Path dataDir) {
        CatalogueSource source = DatasetSources.open(name, dataDir.resolve(name));
        List<TimedInteraction> likes = new ArrayList<>();
        List<TimedInteraction> dislikes = new ArrayList<>();
        long[] rows = {0};
        try {
            source.read(ImportSinks.interactionsTo(interaction -> {
                long time = interaction.at() != null ? interaction.at().toEpochMilli()
                        : interaction.position() != null ? interaction.position() : rows[0];
                rows[0]++;
                TimedInteraction timed = new TimedInteraction(interaction.userId(), interaction.itemId(), time);
                (interaction.signal() == Signal.LIKE ? likes : dislikes).add(timed);
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + name + " under " + dataDir, e);
        }
        return splitter.split(name, likes, dislikes);
    }
}
