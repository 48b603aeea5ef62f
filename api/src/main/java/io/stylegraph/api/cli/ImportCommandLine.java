package io.stylegraph.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.stylegraph.api.infra.EmbeddedInfrastructure;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.DatasetSources;
import io.stylegraph.graph.imports.GenericCatalogueSource;
import io.stylegraph.graph.imports.GraphImporter;
import io.stylegraph.graph.imports.ImportReport;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.GraphSchema;
import io.stylegraph.training.report.ReportFiles;
import io.stylegraph.training.report.RunEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports a dataset or a generic-format folder into the graph, then exits. Uses NEO4J_URI when "
                + "set, else the embedded store under --data-dir (stop the service first, or use POST /v1/imports)."})
public class ImportCommandLine implements Callable<Integer> {
    @Mixin
    InfrastructureOptions infrastructure;

    @Option(names = "--dataset", description = "Dataset adapter: ${COMPLETION-CANDIDATES}",
            completionCandidates = DatasetNames.class)
    String dataset;

    @Option(names = "--path", description = "Folder to read (default for --dataset: <datasets-dir>/<dataset>).")
    Path path;

    @Option(names = "--report", description = "Also write import-<name>.json and .md (timings, rows/s) into this folder.")
    Path reportDirectory;

    @Option(names = "--batch-size", defaultValue = "2000", description = "Rows per transaction (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() throws Exception {
        if (dataset == null && path == null) {
            System.err.println("Give --dataset NAME, --path DIR, or both. Datasets: " + DatasetSources.names());
            return 2;
        }
        Path folder = (path != null ? path : infrastructure.datasetsDirectory.resolve(dataset)).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            System.err.println("No catalogue folder at " + folder);
            return 2;
        }
        String name = dataset != null ? dataset : folder.getFileName().toString();
        CatalogueSource source = DatasetSources.names().contains(name)
                ? DatasetSources.open(name, folder) : new GenericCatalogueSource(folder);
        try (EmbeddedInfrastructure embedded = infrastructure.start(false);
             GraphDatabase graph = connect(embedded)) {
            GraphSchema.apply(graph);
            ImportReport report = new GraphImporter(graph, batchSize, java.time.Duration.ofSeconds(2)).importFrom(source);
            System.out.println(report.summary());
            report.errors().stream().limit(20).forEach(error -> System.out.println("  skipped " + error));
            if (report.rejected() > 20) {
                System.out.println("  ... and " + (report.rejected() - 20) + " more skipped rows");
            }
            if (reportDirectory != null) {
                writeReport(name, folder, report, graphCounts(graph));
            }
            return 0;
        }
    }

    /** What the store holds afterwards: users named only in interactions are created by them, not counted as rows. */
    private static java.util.Map<String, Long> graphCounts(GraphDatabase graph) {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
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

    private void writeReport(String name, Path folder, ImportReport report, java.util.Map<String, Long> graphCounts)
            throws java.io.IOException {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("benchmark", "import");
        json.put("source", name);
        json.put("path", folder.toString());
        json.put("command", "./stylegraph import " + (dataset != null ? "--dataset " + name : "--path " + folder)
                + " --data-dir <empty dir> --report " + reportDirectory);
        json.put("date", java.time.Instant.now().toString());
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
        json.put("environment", RunEnvironment.describe());
        StringBuilder md = new StringBuilder("# Import benchmark: " + name + "\n\n");
        md.append("Written by `").append(json.get("command")).append("` on ").append(json.get("date")).append(".\n\n");
        md.append("| measure | value |\n| --- | --- |\n");
        for (String key : java.util.List.of("items", "users", "outfits", "interactions", "vectors", "rejected",
                "seconds", "rowsPerSecond", "batchSize", "graphUsers", "graphItems", "graphOutfits",
                "graphLikedEdges", "graphDislikedEdges", "graphCategories", "graphInCategoryEdges",
                "graphItemsWithBrand")) {
            md.append("| ").append(key).append(" | ").append(json.get(key)).append(" |\n");
        }
        ((java.util.Map<?, ?>) json.get("environment")).forEach((key, value) -> md.append("| ").append(key).append(" | ")
                .append(value).append(" |\n"));
        md.append("\nitems/users/outfits/interactions count rows read, vectors the items given precomputed vectors; "
                + "graph* count what the store holds after the import "
                + "(users named only in interactions are created by them). One run into an empty store; repeat it "
                + "for a spread (machines are noisy).\n");
        java.nio.file.Path[] written = ReportFiles.write(reportDirectory, "import-" + name, json, md.toString());
        System.out.println("Report written to " + written[1]);
    }

    static GraphDatabase connect(EmbeddedInfrastructure embedded) {
        if (embedded.neo4j() != null) {
            var login = embedded.neo4j().serviceLogin();
            return GraphDatabase.connect(embedded.neo4j().boltUri(), login.username(), login.password(), "neo4j");
        }
        return GraphDatabase.connect(System.getenv("NEO4J_URI"), System.getenv("NEO4J_USER"),
                System.getenv("NEO4J_PASSWORD"), System.getenv().getOrDefault("NEO4J_DATABASE", "neo4j"));
    }

    static class DatasetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return DatasetSources.names().iterator();
        }
    }
}
