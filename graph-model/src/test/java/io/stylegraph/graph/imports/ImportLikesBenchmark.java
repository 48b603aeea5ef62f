package io.stylegraph.graph.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Interaction;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.domain.User;
import io.stylegraph.graph.neo4j.EmbeddedNeo4j;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.GraphSchema;

/**
 * Times an import on each write path, each run into its own empty embedded store (deleted after), on the same
 * seeded rows: first the items with precomputed visual and text vectors (timed), then the users (not timed), then the
 * likes and dislikes (timed). Paths: {@code ROW_MERGE} and {@code BATCHED} (Cypher over Bolt), {@code CORE_API} (the
 * embedded store's Java API); give them comma-separated, repeats allowed, to alternate them in one command.
 * Not a test; run by hand from graph-model with the test classpath:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.stylegraph.graph.imports.ImportLikesBenchmark
 * [items users likes batch [paths [dimension]]]} (defaults 23000 10000 278000 2000 ROW_MERGE,CORE_API 32).
 */
public final class ImportLikesBenchmark {
    private ImportLikesBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 23_000;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int likes = args.length > 2 ? Integer.parseInt(args[2]) : 278_000;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        List<String> paths = Arrays.asList((args.length > 4 ? args[4] : "ROW_MERGE,CORE_API").split(","));
        int dimension = args.length > 5 ? Integer.parseInt(args[5]) : 32;
        System.out.printf(Locale.ROOT, "%,d items with two %d-d vectors, %,d users, %,d likes, batch %,d, paths %s%n",
                items, dimension, users, likes, batch, paths);
        for (String path : paths) {
            Path home = Files.createTempDirectory("import-likes-bench");
            try (EmbeddedNeo4j server = new EmbeddedNeo4j(home, "127.0.0.1", 0).start();
                 GraphDatabase graph = GraphDatabase.connect(server.boltUri(), null, null, "neo4j")) {
                GraphSchema.apply(graph);
                GraphImporter importer = path.equals("CORE_API")
                        ? GraphImporter.embedded(server.database(), batch, Duration.ofSeconds(10))
                        : new GraphImporter(graph, batch, Duration.ofSeconds(10),
                        GraphImporter.InteractionWrites.valueOf(path));
                double loadBefore = load();
                ImportReport catalogue = importer.importFrom(catalogue(items, dimension));
                importer.importFrom(new InlineSource("bench-users").then(sink -> {
                    for (int u = 0; u < users; u++) {
                        sink.user(new User("user-" + u, Map.of("age", 20 + u % 50), "bench"));
                    }
                }));
                ImportReport report = importer.importFrom(likes(items, users, likes));
                long edges = graph.read(tx -> tx.run("MATCH ()-[r:LIKED|DISLIKED]->() RETURN count(r)")
                        .single().get(0).asLong());
                double itemSeconds = catalogue.elapsed().toNanos() / 1e9;
                double seconds = report.elapsed().toNanos() / 1e9;
                server.stop();
                System.out.printf(Locale.ROOT, "%-9s batch %,d: %,d items + %,d vectors in %.1f s = %,.0f items/s; "
                                + "%,d likes and dislikes in %.1f s = %,.0f rows/s, %,d edges, %d rejected; "
                                + "store %.0f MiB (load %.2f before, %.2f after)%n", path, batch, catalogue.items(),
                        catalogue.vectors(), itemSeconds, catalogue.items() / itemSeconds, report.interactions(),
                        seconds, report.interactions() / seconds, edges, report.rejected(), mebibytes(home),
                        loadBefore, load());
            }
            delete(home);
        }
        System.exit(0);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double mebibytes(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum() / (1024.0 * 1024.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Items in 40 categories, each with a seeded visual and text vector, as the generic catalogue format carries. */
    private static CatalogueSource catalogue(int items, int dimension) {
        return new InlineSource("bench-items").then(sink -> {
            Slot[] slots = Slot.values();
            Random random = new Random(23);
            for (int i = 0; i < items; i++) {
                Slot slot = slots[i % slots.length];
                sink.item(new Item("item-" + i, "Item " + i, null, "Category " + (i % 40), slot, Gender.WOMEN,
                        "Blue", Map.of(), null, "bench"));
                sink.vectors(new PrecomputedVectors("item-" + i, "bench-visual", vector(random, dimension),
                        "bench-text", vector(random, dimension)));
            }
        });
    }

    private static float[] vector(Random random, int dimension) {
        float[] vector = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            vector[d] = (float) random.nextGaussian();
        }
        return vector;
    }

    /** Likes (one in ten a dislike) of seeded random (user, item) pairs, as the generator writes. */
    private static CatalogueSource likes(int items, int users, int likes) {
        return new CatalogueSource() {
            @Override
            public String name() {
                return "bench-likes";
            }

            @Override
            public void read(ImportSink sink) {
                Random random = new Random(18);
                Instant start = Instant.parse("2024-01-01T00:00:00Z");
                for (int n = 0; n < likes; n++) {
                    sink.interaction(new Interaction("user-" + random.nextInt(users), "item-" + random.nextInt(items),
                            random.nextInt(10) == 0 ? Signal.DISLIKE : Signal.LIKE, start.plusSeconds(n), n,
                            random.nextInt(10) == 0 ? "test" : "train", Map.of(), "bench"));
                }
            }
        };
    }
}
