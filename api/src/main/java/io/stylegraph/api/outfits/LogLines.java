package io.stylegraph.api.outfits;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;

/** A PrintStream whose lines go to a logger at info level, for training code that reports progress by printing. */
final class LogLines extends OutputStream {
    private final Logger log;
    private final StringBuilder line = new StringBuilder();
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

    private LogLines(Logger log) {
        this.log = log;
    }

    static PrintStream to(Logger log) {
        return new PrintStream(new LogLines(log), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            line.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
            if (!line.isEmpty()) {
                log.info(line.toString());
            }
            line.setLength(0);
        } else {
            bytes.write(b);
        }
    }
}
