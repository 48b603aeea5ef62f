package io.stylegraph.graph.imports;

import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs rows/s, share of input read and ETA at most every {@code interval} while an import runs. */
final class ImportProgress {
    private static final Logger LOG = LoggerFactory.getLogger(ImportProgress.class);

    private final String source;
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private long lastLogNanos = startNanos;
    private long bytesRead;
    private long bytesTotal;

    ImportProgress(String source, Duration interval) {
        this.source = source;
        this.intervalNanos = interval.toNanos();
    }

    void bytes(long read, long total) {
        bytesRead = read;
        bytesTotal = total;
    }

    void maybeLog(long rows) {
        long now = System.nanoTime();
        if (now - lastLogNanos < intervalNanos) {
            return;
        }
        lastLogNanos = now;
        double seconds = (now - startNanos) / 1e9;
        double rate = rows / Math.max(seconds, 1e-9);
        if (bytesTotal > 0 && bytesRead > 0) {
            double fraction = Math.min(1.0, (double) bytesRead / bytesTotal);
            double eta = seconds / fraction - seconds;
            LOG.info(String.format(Locale.ROOT, "[%s] %,d rows, %,.0f rows/s, %.0f%% read, ETA %s",
                    source, rows, rate, fraction * 100, formatSeconds(eta)));
        } else {
            LOG.info(String.format(Locale.ROOT, "[%s] %,d rows, %,.0f rows/s", source, rows, rate));
        }
    }

    private static String formatSeconds(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
    }
}
