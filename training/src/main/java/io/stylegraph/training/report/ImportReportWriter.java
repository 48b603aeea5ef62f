package io.stylegraph.training.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.imports.ImportReport;
import io.stylegraph.graph.neo4j.GraphDatabase;

/**
 * The import benchmark's report: an {@link ImportReport} with the counts of what the store holds afterwards, the
 * command and the machine, written through {@link ReportFiles} as {@code import-<name>.json} and {@code .md}.
 */
public final class ImportReportWriter {
    private static final List<String> ROWS = List.of("items", "users", "outfits", "interactions", "vectors",
            "rejected", "seconds", "rowsPerSecond", "batchSize", "graphUsers", "graphItems", "graphOutfits",
            "graphLikedEdges", "graphDislikedEdges", "graphCategories", "graphInCategoryEdges", "graphItemsWithBrand");

    private ImportReportWriter() {
    }

    /**
     * @param name    the dataset's name, or the folder's for a generic-format folder
     * @param command the command line to name in the report
     */
    public static Path[] write(Path directory, String name, Path folder, String command, ImportReport report,
                               int batchSize, GraphDatabase graph) throws IOException {
        Map<String, Object> json = json(name, folder, command, report, batchSize, graphCounts(graph));
        json.put("environment", RunEnvironment.describe());
        return ReportFiles.write(directory, "import-" + name, json, markdown(name, json));
    }

    /** What the store holds afterwards: users named only in interactions are created by them, not counted as rows. */
    static Map<String, Long> graphCounts(GraphDatabase graph) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String[] query : new String[][] {
                {"graphUsers", "MATCH (n:User) RETURN count(n)"},
                {"graphItems", "MATCH (n:Item) RETURN count(n)"},
                {"graphOutfits", "MATCH (n:Outfit) RETURN count(n)"},
                {"graphLikedEdges", "MATCH ()-[r:LIKED]->() RETURN count(r)"},
                {"graphDislikedEdges", "MATCH ()-[r:DISLIKED]->() RETURN count(r)"},
                {"graphCategories", "MATCH (n:Category) RETURN count(n)"},
                {"graphInCategoryEdges", "MATCH (:Item)-[r:IN_CATEGORY]->() RETURN count(r)"},
                {"graphItemsWithBrand", "MATCH (n:Item) WHERE n.brand IS NOT NULL RETURN count(n)"}}) {
            counts.put(query[0], graph.read(tx -> tx.run(query[1]).single().get(0).asLong()));
        }
        return counts;
    }

    static Map<String, Object> json(String name, Path folder, String command, ImportReport report, int batchSize,
                                    Map<String, Long> graphCounts) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "import");
        json.put("source", name);
        json.put("path", folder.toString());
        json.put("command", command);
        json.put("date", Instant.now().toString());
        json.put("items", report.items());
        json.put("users", report.users());
        json.put("outfits", report.outfits());
        json.put("interactions", report.interactions());
        json.put("vectors", report.vectors());
        json.put("rejected", report.rejected());
        json.put("seconds", report.elapsed().toMillis() / 1000.0);
        json.put("rowsPerSecond", Math.round(report.rowsPerSecond()));
        json.put("batchSize", batchSize);
        json.putAll(graphCounts);
        return json;
    }

    static String markdown(String name, Map<String, Object> json) {
        StringBuilder md = new StringBuilder("# Import benchmark: " + name + "\n\n");
        md.append("Written by `").append(json.get("command")).append("` on ").append(json.get("date")).append(".\n\n");
        md.append("| measure | value |\n| --- | --- |\n");
        for (String key : ROWS) {
            md.append("| ").append(key).append(" | ").append(json.get(key)).append(" |\n");
        }
        ((Map<?, ?>) json.getOrDefault("environment", Map.of())).forEach((key, value) -> md.append("| ").append(key)
                .append(" | ").append(value).append(" |\n"));
        md.append("\nitems/users/outfits/interactions count rows read, vectors the items given precomputed vectors; "
                + "graph* count what the store holds after the import "
                + "(users named only in interactions are created by them). One run into an empty store; repeat it "
                + "for a spread (machines are noisy).\n");
        return md.toString();
    }
}
