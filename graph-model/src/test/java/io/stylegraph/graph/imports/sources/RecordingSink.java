package io.stylegraph.graph.imports.sources;

import java.util.ArrayList;
import java.util.List;

import io.stylegraph.graph.domain.Interaction;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Outfit;
import io.stylegraph.graph.domain.User;
import io.stylegraph.graph.imports.ImportSink;
import io.stylegraph.graph.imports.PrecomputedVectors;
import io.stylegraph.graph.imports.RowError;

/** Keeps everything a source emits, in order, so tests can look at it without a database. */
final class RecordingSink implements ImportSink {
    final List<Item> items = new ArrayList<>();
    final List<Outfit> outfits = new ArrayList<>();
    final List<User> users = new ArrayList<>();
    final List<Interaction> interactions = new ArrayList<>();
    final List<PrecomputedVectors> vectors = new ArrayList<>();
    final List<RowError> rejected = new ArrayList<>();
    long lastProgress;
    long progressTotal;
    boolean progressWentBack;

    @Override
    public void item(Item item) {
        items.add(item);
    }

    @Override
    public void outfit(Outfit outfit) {
        outfits.add(outfit);
    }

    @Override
    public void user(User user) {
        users.add(user);
    }

    @Override
    public void interaction(Interaction interaction) {
        interactions.add(interaction);
    }

    @Override
    public void vectors(PrecomputedVectors precomputed) {
        vectors.add(precomputed);
    }

    @Override
    public void rejected(RowError error) {
        rejected.add(error);
    }

    @Override
    public void progress(long bytesRead, long bytesTotal) {
        progressWentBack |= bytesRead < lastProgress;
        lastProgress = bytesRead;
        progressTotal = bytesTotal;
    }
}
