package io.stylegraph.graph.imports.sources;

import io.stylegraph.graph.domain.Interaction;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Outfit;
import io.stylegraph.graph.domain.User;
import io.stylegraph.graph.imports.ImportSink;
import io.stylegraph.graph.imports.RowError;

/** Sinks the sources use internally. */
final class ImportSinks {
    /** For a side file read in step with a main one: its bytes are not counted twice in progress. */
    static final ImportSink SILENT = new ImportSink() {
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
        public void interaction(Interaction interaction) {
        }

        @Override
        public void rejected(RowError error) {
        }
    };

    private ImportSinks() {
    }
}
