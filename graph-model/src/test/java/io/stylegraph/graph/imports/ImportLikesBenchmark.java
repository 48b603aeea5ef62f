package io.stylegraph.graph.imports;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

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
 * Times the likes of an import on each {@link GraphImporter.InteractionWrites} path, each into its own empty embedded
 * store, on the same rows (seeded): items and users are imported first and not timed, then the likes and dislikes.
 * Not a test; run by hand from graph-model with the test classpath:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.stylegraph.graph.imports.ImportLikesBenchmark
 * [items users likes batch [path]]} (defaults 23000 10000 278000 2000, both paths).
 */
public final class ImportLikesBenchmark {
    private ImportLikesBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 23_000;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int likes = args.length > 2 ? Integer.parseInt(args[2]) : 278_000;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        List<GraphImporter.InteractionWrites> paths = args.length > 4
                ? List.of(GraphImporter.InteractionWrites.valueOf(args[4]))
                : List.of(GraphImporter.InteractionWrites.values());
        for (GraphImporter.InteractionWrites path : paths) {
            Path home = Files.createTempDirectory("import-likes-bench");
            try (EmbeddedNeo4j server = new EmbeddedNeo4j(home, "127.0.0.1", 0).start();
                 GraphDatabase graph = GraphDatabase.connect(server.boltUri(), null, null, "neo4j")) {
                GraphSchema.apply(graph);
                GraphImporter importer = new GraphImporter(graph, batch, Duration.ofSeconds(10), path);
                importer.importFrom(new InlineSource("bench-items").then(sink -> {
                    catalogue(items).forEach(sink::item);
                    for (int u = 0; u < users; u++) {
                        sink.user(new User("user-" + u, Map.of("age", 20 + u % 50), "bench"));
                    }
                }));
                double loadBefore = load();
                ImportReport report = importer.importFrom(likes(items, users, likes));
                double seconds = report.elapsed().toNanos() / 1e9;
                long edges = graph.read(tx -> tx.run("MATCH ()-[r:LIKED|DISLIKED]->() RETURN count(r)")
                        .single().get(0).asLong());
                System.out.printf(Locale.ROOT, "%-9s batch %,d: %,d likes and dislikes in %.1f s = %,.0f rows/s, "
                                + "%,d edges, %d rejected (load %.2f before, %.2f after)%n", path, batch,
                        report.interactions(), seconds, report.interactions() / seconds, edges, report.rejected(),
                        loadBefore, load());
            }
        }
        System.exit(0);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static List<Item> catalogue(int items) {
        Slot[] slots = Slot.values();
        List<Item> list = new java.util.ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            Slot slot = slots[i % slots.length];
            list.add(new Item("item-" + i, "Item " + i, null, "Category " + (i % 40), slot, Gender.WOMEN, "Blue",
                    Map.of(), null, "bench"));
        }
        return list;
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
