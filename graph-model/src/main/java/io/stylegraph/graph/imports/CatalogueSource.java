package io.stylegraph.graph.imports;

import java.io.IOException;

/** A readable catalogue: a named dataset adapter or files in the generic import format. */
public interface CatalogueSource {
    /** Short name, stored as {@code source} on everything this source creates. */
    String name();

    /** Streams every record into the sink. Bad rows go to {@link ImportSink#rejected}; I/O failures are thrown. */
    void read(ImportSink sink) throws IOException;
}
