package io.stylegraph.training.outfit;

import java.io.UncheckedIOException;
import java.io.IOException;

/** A line of an outfit file that cannot be read; the message starts with {@code file:line:}. */
public final class OutfitFileException extends UncheckedIOException {

    private final String file;
    private final long line;

    public OutfitFileException(String file, long line, String problem) {
        super(file + ":" + line + ": " + problem, new IOException(problem));
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}
