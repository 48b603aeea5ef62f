package io.stylegraph.graph.imports.sources;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A file that cannot be read on past some point (broken quoting, truncated gzip): the import stops there. */
public final class MalformedFileException extends UncheckedIOException {
    public MalformedFileException(String file, long line, String reason) {
        super(file + ":" + line + ": " + reason, new IOException(reason));
    }
}
