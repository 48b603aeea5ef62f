package io.stylegraph.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.stylegraph.api.infra.EmbeddedInfrastructure;
import io.stylegraph.graph.imports.LookFolder;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.GraphSchema;
import io.stylegraph.graph.repository.PhotoRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "import-looks", mixinStandardHelpOptions = true,
        description = {"Imports looks (photos and the catalogue items they show) as (:Photo)-[:FEATURES]->(:Item), "
                + "then exits. The folder holds looks.csv (photo_id,item_id[,slot]) and optionally photos/<photo_id>"
                + ".jpg|png|webp. Import the catalogue first: items not in the graph are skipped. Uses NEO4J_URI when "
                + "set, else the embedded store under --data-dir (stop the service first)."})
public class ImportLooksCommand implements Callable<Integer> {
    private static final int BATCH = 500;

    @Mixin
    InfrastructureOptions infrastructure;

    @Option(names = "--folder", required = true, description = "Folder with looks.csv and photos/.")
    Path folder;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(folder.resolve(LookFolder.FILE))) {
            System.err.println("No " + LookFolder.FILE + " in " + folder.toAbsolutePath().normalize());
            return 2;
        }
        LookFolder.Read read = LookFolder.read(folder);
        try (EmbeddedInfrastructure embedded = infrastructure.start(false);
             GraphDatabase graph = ImportCommandLine.connect(embedded)) {
            GraphSchema.apply(graph);
            PhotoRepository photos = new PhotoRepository(graph);
            long linked = 0;
            for (int from = 0; from < read.looks().size(); from += BATCH) {
                linked += photos.save(read.looks().subList(from, Math.min(from + BATCH, read.looks().size())));
                System.out.printf("%d/%d looks written%n", Math.min(from + BATCH, read.looks().size()),
                        read.looks().size());
            }
            long listed = read.looks().stream().mapToLong(l -> l.items().size()).sum();
            System.out.printf("%d looks read, %d FEATURES edges (%d item rows named items not in the graph), %d rows "
                    + "rejected of %d%n", read.looks().size(), linked, listed - linked, read.rejectedRows(), read.rows());
            return 0;
        }
    }
}
