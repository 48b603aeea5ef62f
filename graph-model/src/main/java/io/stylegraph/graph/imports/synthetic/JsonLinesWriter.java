package io.stylegraph.graph.imports.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** One JSON object per line, through a buffered UTF-8 writer. */
final class JsonLinesWriter implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    private final Writer writer;
    private final JsonGenerator generator;

    JsonLinesWriter(Path file) throws IOException {
        OutputStream stream = Files.newOutputStream(file);
        this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.generator = JSON.createGenerator(writer);
        this.generator.setRootValueSeparator(null);
    }

    JsonGenerator generator() {
        return generator;
    }

    void endLine() throws IOException {
        generator.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        generator.close();
        writer.close();
    }
}
