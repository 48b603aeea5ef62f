package io.stylegraph.graph.imports;

import java.util.function.Consumer;

import io.stylegraph.graph.domain.Interaction;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Outfit;
import io.stylegraph.graph.domain.User;

/** Sinks for reading a source without importing it. */
public final class ImportSinks {
    /** Ignores everything; e.g. for a side file read in step with a main one, so its bytes are not counted twice. */
    public static final ImportSink SILENT = itemsTo(item -> { });

    private ImportSinks() {
    }

    /** Hands every item to {@code items} and ignores the rest. */
    public static ImportSink itemsTo(Consumer<Item> items) {
        return to(items, interaction -> { });
    }

    /** Hands every like and dislike to {@code interactions} and ignores the rest. */
    public static ImportSink interactionsTo(Consumer<Interaction> interactions) {
        return to(item -> { }, interactions);
    }

    private static ImportSink to(Consumer<Item> items, Consumer<Interaction> interactions) {
        return new ImportSink() {
            @Override
            public void item(Item item) {
                items.accept(item);
            }

            @Override
            public void outfit(Outfit outfit) {
            }

            @Override
            public void user(User user) {
            }

            @Override
            public void interaction(Interaction interaction) {
                interactions.accept(interaction);
            }

            @Override
            public void rejected(RowError error) {
            }
        };
    }
}
