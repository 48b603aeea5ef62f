package io.stylegraph.training.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes every benchmark report the same way: {@code <name>.json} (the figures, indented) and {@code <name>.md} (the
 * same figures for reading) side by side in one folder, and opens the Markdown with the run's provenance. Each report
 * brings its own JSON value and Markdown body.
 */
public final class ReportFiles {

    /** Whether the Markdown's machine line names the heap limit. */
    public enum HeapLine { WITH_MAX_HEAP, WITHOUT_MAX_HEAP }

    private ReportFiles() {
    }

    /**
     * Writes {@code json} as {@code <directory>/<name>.json} and {@code markdown} as {@code <name>.md}, creating the
     * folder if needed.
     *
     * @return the JSON file, then the Markdown file
     */
    public static Path[] write(Path directory, String name, Object json, String markdown) throws IOException {
        Files.createDirectories(directory);
        Path jsonFile = directory.resolve(name + ".json");
        Path markdownFile = directory.resolve(name + ".md");
        Files.writeString(jsonFile, json(json));
        Files.writeString(markdownFile, markdown);
        return new Path[] {jsonFile, markdownFile};
    }

    /** The JSON text of a report: indented, properties in declaration order. */
    public static String json(Object report) throws IOException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
    }

    /**
     * The lines under a report's title: the command that wrote it, the git revision, start and finish, and the
     * machine.
     */
    public static String provenance(Provenance run, HeapLine heap) {
        StringBuilder md = new StringBuilder();
        md.append("Written by `").append(run.command()).append("`.\n\n");
        md.append("- git revision: `").append(run.gitRevision()).append("`\n");
        md.append("- started ").append(run.startedAt()).append(", finished ").append(run.finishedAt()).append('\n');
        Machine machine = run.machine();
        if (heap == HeapLine.WITH_MAX_HEAP) {
            md.append(String.format(Locale.ROOT, "- machine: %d cores, max heap %s, Java %s, %s%n", machine.cores(),
                    mib(machine.maxHeapBytes()), machine.java(), machine.os()));
        } else {
            md.append(String.format(Locale.ROOT, "- machine: %d cores, Java %s, %s%n", machine.cores(),
                    machine.java(), machine.os()));
        }
        return md.toString();
    }

    /** Bytes as whole MiB, or "n/a" for a figure that could not be read (negative). */
    public static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024.0));
    }
}
