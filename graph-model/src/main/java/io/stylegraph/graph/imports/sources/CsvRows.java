package io.stylegraph.graph.imports.sources;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an RFC 4180 CSV file with a header row. Each row comes with its 1-based line number in the file (the header
 * is line 1) so a rejected row can be found again. Empty fields read as {@code null}.
 */
final class CsvRows implements Iterable<CsvRows.Row>, AutoCloseable {
    private final CSVParser parser;
    private final String fileName;

    /** One data row; {@code problem} says why it cannot be used as a whole (wrong field count), else null. */
    record Row(String file, long line, Map<String, String> values, String problem) {
        String get(String column) {
            String value = values.get(column);
            return value == null || value.isEmpty() ? null : value;
        }

        String require(String column) {
            String value = get(column);
            if (value == null || value.isBlank()) {
                throw new RowRejected("missing " + column);
            }
            return value.trim();
        }
    }

    CsvRows(Path file, Reader reader) throws IOException {
        this.fileName = file.getFileName().toString();
        this.parser = CSVFormat.RFC4180.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(false)
                .get()
                .parse(reader);
    }

    List<String> header() {
        return parser.getHeaderNames();
    }

    @Override
    public Iterator<Row> iterator() {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            private long lastLineEnded = 1;

            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException e) {
                    throw new MalformedFileException(fileName, parser.getCurrentLineNumber(), e.getMessage());
                }
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CSVRecord record = records.next();
                // the parser has consumed this record's line breaks; it began on the line after the previous one ended
                long line = lastLineEnded + 1;
                lastLineEnded = Math.max(line, parser.getCurrentLineNumber());
                String problem = record.isConsistent() ? null
                        : "expected " + parser.getHeaderNames().size() + " fields, found " + record.size();
                return new Row(fileName, line, record.toMap(), problem);
            }
        };
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
