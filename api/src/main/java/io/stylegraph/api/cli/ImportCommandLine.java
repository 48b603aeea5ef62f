package io.stylegraph.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.stylegraph.api.infra.EmbeddedInfrastructure;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.DatasetSources;
import io.stylegraph.graph.imports.GenericCatalogueSource;
import io.stylegraph.graph.imports.GraphImporter;
import io.stylegraph.graph.imports.ImportReport;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.GraphSchema;
import io.stylegraph.training.report.ImportReportWriter;
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

    @Option(names = "--write-path", description = "How rows reach the graph: core-api (the embedded store's Java API, "
            + "the default with the embedded store) or bolt (Cypher over Bolt, the only way to an external Neo4j).")
    String writePath;

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
        if (writePath != null && !writePath.equals("core-api") && !writePath.equals("bolt")) {
            System.err.println("--write-path is core-api or bolt, not " + writePath);
            return 2;
        }
        String name = dataset != null ? dataset : folder.getFileName().toString();
        CatalogueSource source = DatasetSources.names().contains(name)
                ? DatasetSources.open(name, folder) : new GenericCatalogueSource(folder);
        try (EmbeddedInfrastructure embedded = infrastructure.start(false);
             GraphDatabase graph = connect(embedded)) {
            GraphSchema.apply(graph);
            boolean coreApi = embedded.neo4j() != null && !"bolt".equals(writePath);
            if (embedded.neo4j() == null && "core-api".equals(writePath)) {
                System.err.println("--write-path core-api needs the embedded store; NEO4J_URI names an external "
                        + "Neo4j, use bolt");
                return 2;
            }
            Duration progress = Duration.ofSeconds(2);
            GraphImporter importer = coreApi ? GraphImporter.embedded(embedded.neo4j().database(), batchSize, progress)
                    : new GraphImporter(graph, batchSize, progress);
            System.out.println("Writing through " + (importer.writePath().equals("core-api")
                    ? "the embedded store's Java API" : "Cypher over Bolt"));
            ImportReport report = importer.importFrom(source);
            System.out.println(report.summary());
            report.errors().stream().limit(20).forEach(error -> System.out.println("  skipped " + error));
            if (report.rejected() > 20) {
                System.out.println("  ... and " + (report.rejected() - 20) + " more skipped rows");
            }
            if (reportDirectory != null) {
                String command = "./stylegraph import " + (dataset != null ? "--dataset " + name : "--path " + folder)
                        + " --data-dir <empty dir>" + (writePath == null ? "" : " --write-path " + writePath)
                        + " --report " + reportDirectory;
                Path[] written = ImportReportWriter.write(reportDirectory, name, folder, command, report, batchSize,
                        graph);
                System.out.println("Report written to " + written[1]);
            }
            return 0;
        }
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
