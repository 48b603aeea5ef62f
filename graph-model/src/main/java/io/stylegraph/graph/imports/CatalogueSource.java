package io.stylegraph.graph.imports;

import java.io.IOException;
import java.util.List;

import io.stylegraph.graph.domain.Item;

/** A readable catalogue: a named dataset adapter or files in the generic import format. */
public interface CatalogueSource {
    /** Short name, stored as {@code source} on everything this source creates. */
    String name();

    /** Streams every record into the sink. Bad rows go to {@link ImportSink#rejected}; I/O failures are thrown. */
    void read(ImportSink sink) throws IOException;

    /** A source of the given items alone, under {@code name}. */
    static CatalogueSource of(String name, List<Item> items) {
        List<Item> copy = List.copyOf(items);
        return new CatalogueSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void read(ImportSink sink) {
                copy.forEach(sink::item);
            }
        };
    }
}
