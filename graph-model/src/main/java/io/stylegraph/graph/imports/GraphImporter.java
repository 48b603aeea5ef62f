package io.stylegraph.graph.imports;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stylegraph.graph.domain.Interaction;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Outfit;
import io.stylegraph.graph.domain.OutfitMember;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.User;
import io.stylegraph.graph.neo4j.EmbeddedNeo4j;
import io.stylegraph.graph.neo4j.GraphDatabase;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Writes what a {@link CatalogueSource} reads into the style graph in batches, one transaction per batch, through a
 * {@link BatchWriter}: {@link #embedded} writes with the embedded store's Java API ({@link CoreApiWrites}), the
 * constructors with Cypher {@code UNWIND ... MERGE} statements over Bolt ({@link CypherWrites}), the only way to an
 * external Neo4j. Both leave the same graph. Every write is a merge of the same values, so importing the same data
 * twice leaves the graph as it was. A batch is applied whole or, on failure, not at all and the import stops with
 * {@link ImportFailedException}. Rows that refer to items the graph does not hold are rejected and reported.
 *
 * <p>Over Bolt, likes and dislikes take the {@link InteractionWrites#ROW_MERGE} path unless told otherwise. The
 * {@link InteractionWrites#BATCHED} alternative leaves the same graph but measured about a fifth slower
 * ({@code ImportLikesBenchmark}, docs/scaling.md): its extra statements per batch cost more than the row-by-row
 * {@code MERGE} they save.
 */
public final class GraphImporter {
    public static final int MAX_REPORTED_ERRORS = 1_000;
    private static final int DEFAULT_BATCH_SIZE = 2_000;
    private static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<BatchWriter> writers;
    private final String writePath;
    private final int batchSize;
    private final Duration progressInterval;

    /** How likes and dislikes are written over Bolt; both leave the same graph. */
    public enum InteractionWrites {
        /** One {@code UNWIND ... MERGE} statement that merges user, old edge and new edge row by row (the default). */
        ROW_MERGE,
        /**
         * Collapse per pair, resolve ids to nodes once per batch, merge users once, {@code CREATE} the edges of pairs
         * known absent; measured slower than {@link #ROW_MERGE}, kept to compare against.
         */
        BATCHED
    }

    public GraphImporter(GraphDatabase graph, int batchSize, Duration progressInterval) {
        this(graph, batchSize, progressInterval, InteractionWrites.ROW_MERGE);
    }

    public GraphImporter(GraphDatabase graph, int batchSize, Duration progressInterval,
                         InteractionWrites interactionWrites) {
        this(writersOver(graph, interactionWrites), "bolt", batchSize, progressInterval);
    }

    public GraphImporter(GraphDatabase graph) {
        this(graph, DEFAULT_BATCH_SIZE, DEFAULT_PROGRESS_INTERVAL);
    }

    private GraphImporter(Supplier<BatchWriter> writers, String writePath, int batchSize, Duration progressInterval) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.writers = writers;
        this.writePath = writePath;
        this.batchSize = batchSize;
        this.progressInterval = progressInterval;
    }

    /**
     * Writes through the Java API of the store this process runs ({@link EmbeddedNeo4j#database()}), which must
     * already have the {@link io.stylegraph.graph.neo4j.GraphSchema} (its unique constraints are the indexes that
     * find nodes by id).
     */
    public static GraphImporter embedded(GraphDatabaseService database, int batchSize, Duration progressInterval) {
        Objects.requireNonNull(database, "database");
        return new GraphImporter(() -> new CoreApiWrites(database), "core-api", batchSize, progressInterval);
    }

    /** {@link #embedded(GraphDatabaseService, int, Duration)} with the default batch size and progress interval. */
    public static GraphImporter embedded(GraphDatabaseService database) {
        return embedded(database, DEFAULT_BATCH_SIZE, DEFAULT_PROGRESS_INTERVAL);
    }

    /** {@code core-api} when writing through the embedded store's Java API, {@code bolt} for Cypher over Bolt. */
    public String writePath() {
        return writePath;
    }

    private static Supplier<BatchWriter> writersOver(GraphDatabase graph, InteractionWrites interactionWrites) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(interactionWrites, "interactionWrites");
        return () -> new CypherWrites(graph, interactionWrites);
    }

    public ImportReport importFrom(CatalogueSource source) throws IOException {
        Run run = new Run(source.name());
        source.read(run);
        run.flushAll();
        return run.report();
    }

    /** One import's buffers and counters; the sink the source writes into. */
    private final class Run implements ImportSink {
        private final String sourceName;
        private final ImportProgress progress;
        private final BatchWriter writer = writers.get();
        private final long startNanos = System.nanoTime();
        private final List<Map<String, Object>> items = new ArrayList<>();
        private final List<Map<String, Object>> users = new ArrayList<>();
        private final List<Map<String, Object>> outfits = new ArrayList<>();
        private final List<Map<String, Object>> interactions = new ArrayList<>();
        private final List<Map<String, Object>> vectors = new ArrayList<>();
        private final List<RowError> errors = new ArrayList<>();
        private long itemCount;
        private long userCount;
        private long outfitCount;
        private long interactionCount;
        private long vectorCount;
        private long rejectedCount;
        private long batchNumber;

        Run(String sourceName) {
            this.sourceName = sourceName;
            this.progress = new ImportProgress(sourceName, progressInterval);
        }

        @Override
        public void item(Item item) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", item.id());
            row.put("title", item.title());
            row.put("description", item.description());
            row.put("category", item.category());
            row.put("slot", item.slot().wireName());
            row.put("gender", item.gender() == null ? null : item.gender().wireName());
            row.put("colour", item.colour());
            row.put("image", item.image());
            row.put("attributes", item.attributes().isEmpty() ? null : toJson(new java.util.TreeMap<>(item.attributes())));
            row.put("source", item.source() == null ? sourceName : item.source());
            row.put("brand", item.brand());
            row.put("categories", item.categories().isEmpty() ? null : item.categories());
            List<Map<String, Object>> categoryEdges = new ArrayList<>();
            for (String name : item.allCategories()) {
                Map<String, Object> edge = new HashMap<>();
                edge.put("name", name);
                edge.put("slot", name.equals(item.category()) ? item.slot().wireName() : null);
                categoryEdges.add(edge);
            }
            row.put("categoryEdges", categoryEdges);
            items.add(row);
            if (items.size() >= batchSize) {
                flushItems();
            }
        }

        @Override
        public void user(User user) {
            Map<String, Object> attributes = new LinkedHashMap<>(user.attributes());
            attributes.remove("id");
            attributes.remove("source");
            attributes.values().removeIf(Objects::isNull);
            users.add(Map.of("id", user.id(), "attributes", attributes,
                    "source", user.source() == null ? sourceName : user.source()));
            if (users.size() >= batchSize) {
                flushUsers();
            }
        }

        @Override
        public void vectors(PrecomputedVectors precomputed) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", precomputed.itemId());
            row.put("visual", precomputed.visual());
            row.put("visualModel", precomputed.visualModel());
            row.put("text", precomputed.text());
            row.put("textModel", precomputed.textModel());
            vectors.add(row);
            if (vectors.size() >= batchSize) {
                flushItems();
                flushVectors();
            }
        }

        @Override
        public void outfit(Outfit outfit) {
            List<Map<String, Object>> members = new ArrayList<>();
            for (OutfitMember member : outfit.members()) {
                members.add(Map.of("itemId", member.itemId(), "slot", member.slot().wireName()));
            }
            Map<String, Object> row = new HashMap<>();
            row.put("id", outfit.id());
            row.put("members", members);
            row.put("attributes", outfit.attributes().isEmpty() ? null : toJson(new java.util.TreeMap<>(outfit.attributes())));
            row.put("source", outfit.source() == null ? sourceName : outfit.source());
            outfits.add(row);
            if (outfits.size() >= batchSize) {
                flushItems();
                flushOutfits();
            }
        }

        @Override
        public void interaction(Interaction interaction) {
            Map<String, Object> properties = new HashMap<>();
            interaction.properties().forEach((key, value) -> {
                if (value != null) {
                    properties.put(key, value);
                }
            });
            if (interaction.at() != null) {
                properties.put("at", interaction.at().atZone(ZoneOffset.UTC));
            }
            if (interaction.position() != null) {
                properties.put("position", interaction.position());
            }
            if (interaction.split() != null) {
                properties.put("split", interaction.split());
            }
            properties.put("source", interaction.source() == null ? sourceName : interaction.source());
            interactions.add(Map.of("userId", interaction.userId(), "itemId", interaction.itemId(),
                    "like", interaction.signal() == Signal.LIKE, "properties", properties,
                    "source", properties.get("source")));
            if (interactions.size() >= batchSize) {
                flushItems();
                flushUsers();
                flushInteractions();
            }
        }

        @Override
        public void rejected(RowError error) {
            rejectedCount++;
            if (errors.size() < MAX_REPORTED_ERRORS) {
                errors.add(error);
            }
        }

        @Override
        public void progress(long bytesRead, long bytesTotal) {
            progress.bytes(bytesRead, bytesTotal);
        }

        void flushAll() {
            flushItems();
            flushVectors();
            flushUsers();
            flushOutfits();
            flushInteractions();
        }

        private void flushItems() {
            int size = items.size();
            write(items, "items", batch -> {
                writer.items(batch);
                return List.of();
            });
            itemCount += size;
        }

        private void flushVectors() {
            int size = vectors.size();
            List<String> missing = write(vectors, "vectors", writer::vectors);
            missing.forEach(id -> rejected(new RowError(sourceName, 0, "vectors of unknown item " + id)));
            vectorCount += size - missing.size();
        }

        private void flushUsers() {
            int size = users.size();
            write(users, "users", batch -> {
                writer.users(batch);
                return List.of();
            });
            userCount += size;
        }

        private void flushOutfits() {
            int size = outfits.size();
            write(outfits, "outfits", writer::outfits).forEach(missing -> rejected(new RowError(sourceName, 0,
                    "outfit " + missing.owner() + " refers to unknown item " + missing.itemId()
                            + " (member skipped)")));
            outfitCount += size;
        }

        private void flushInteractions() {
            int size = interactions.size();
            List<BatchWriter.Missing> missing = write(interactions, "interactions", writer::interactions);
            missing.forEach(row -> rejected(new RowError(sourceName, 0, "interaction of user " + row.owner()
                    + " refers to unknown item " + row.itemId())));
            interactionCount += size - missing.size();
        }

        /**
         * Writes the buffered rows as one batch and empties the buffer; answers what the writer answered (nothing for
         * an empty buffer).
         */
        private <T> List<T> write(List<Map<String, Object>> rows, String what,
                                  Function<List<Map<String, Object>>, List<T>> write) {
            if (rows.isEmpty()) {
                return List.of();
            }
            batchNumber++;
            List<Map<String, Object>> batch = List.copyOf(rows);
            rows.clear();
            List<T> answer;
            try {
                answer = write.apply(batch);
            } catch (RuntimeException e) {
                throw failed(batch.size(), what, e);
            }
            progress.maybeLog(itemCount + userCount + outfitCount + interactionCount + vectorCount + batch.size());
            return answer;
        }

        private ImportFailedException failed(int size, String what, RuntimeException e) {
            return new ImportFailedException(String.format(java.util.Locale.ROOT,
                    "[%s] batch %d (%d %s) was not written and nothing of it was applied; %,d rows were written "
                            + "before it. Fix the cause and run the import again (it is idempotent): %s",
                    sourceName, batchNumber, size, what, itemCount + userCount + outfitCount + interactionCount
                            + vectorCount, e.getMessage()), e);
        }

        ImportReport report() {
            return new ImportReport(sourceName, itemCount, outfitCount, userCount, interactionCount, vectorCount,
                    rejectedCount,
                    errors, Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }

    private static String toJson(Map<String, String> attributes) {
        try {
            return JSON.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attributes are plain strings and always serialize", e);
        }
    }
}
