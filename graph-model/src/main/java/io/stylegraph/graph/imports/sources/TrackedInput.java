package io.stylegraph.graph.imports.sources;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import io.stylegraph.graph.imports.ImportSink;

/**
 * Opens a data file (gzip when it ends in {@code .gz}) and reports the compressed bytes consumed to the sink, so
 * progress and ETA are measured on the file as it lies on disk.
 */
final class TrackedInput {
    private TrackedInput() {
    }

    static Reader open(Path file, ImportSink sink, long bytesBefore, long bytesTotal) throws IOException {
        InputStream raw = new CountingStream(Files.newInputStream(file), sink, bytesBefore, bytesTotal);
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    static long size(Path... files) throws IOException {
        long total = 0;
        for (Path file : files) {
            if (file != null && Files.exists(file)) {
                total += Files.size(file);
            }
        }
        return total;
    }

    private static final class CountingStream extends FilterInputStream {
        private static final long REPORT_EVERY = 1 << 16;
        private final ImportSink sink;
        private final long before;
        private final long total;
        private long read;
        private long lastReported;

        CountingStream(InputStream in, ImportSink sink, long before, long total) {
            super(in);
            this.sink = sink;
            this.before = before;
            this.total = total;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) {
            read += n;
            if (read - lastReported >= REPORT_EVERY) {
                lastReported = read;
                sink.progress(before + read, total);
            }
        }

        @Override
        public void close() throws IOException {
            sink.progress(before + read, total);
            super.close();
        }
    }
}
