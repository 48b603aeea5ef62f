package io.stylegraph.graph.imports;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stylegraph.graph.domain.Interaction;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Outfit;
import io.stylegraph.graph.domain.OutfitMember;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.User;
import io.stylegraph.graph.neo4j.GraphDatabase;
import org.neo4j.driver.Record;

/**
 * Writes what a {@link CatalogueSource} reads into the style graph in batched {@code UNWIND ... MERGE} transactions.
 * Every write is a MERGE of the same values, so importing the same data twice leaves the graph as it was. A batch is
 * one transaction: it is applied whole or, on failure, not at all and the import stops with
 * {@link ImportFailedException}. Rows that refer to items the graph does not hold are rejected and reported.
 *
 * <p>Likes and dislikes take the {@link InteractionWrites#ROW_MERGE} path unless told otherwise. The
 * {@link InteractionWrites#BATCHED} alternative leaves the same graph but measured about a fifth slower
 * ({@code ImportLikesBenchmark}, docs/scaling.md): its extra statements per batch cost more than the row-by-row
 * {@code MERGE} they save.
 */
public final class GraphImporter {
    public static final int MAX_REPORTED_ERRORS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GraphDatabase graph;
    private final int batchSize;
    private final Duration progressInterval;
    private final InteractionWrites interactionWrites;

    /** How likes and dislikes are written; both leave the same graph. */
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
        this.graph = Objects.requireNonNull(graph, "graph");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.batchSize = batchSize;
        this.progressInterval = progressInterval;
        this.interactionWrites = Objects.requireNonNull(interactionWrites, "interactionWrites");
    }

    public GraphImporter(GraphDatabase graph) {
        this(graph, 2_000, Duration.ofSeconds(2));
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
        /**
         * The pairs this run created an edge for, kept while the store holds no other like or dislike edges: asked
         * per batch from the count store (the store's count equals this set's size), a batch then needs no per-pair
         * edge check. The first batch that finds other edges (a store that was not empty, or feedback written
         * meanwhile) turns it off for the rest of the run, which then checks every batch in the graph.
         */
        private boolean onlyOwnSignals = true;
        private final Set<String> writtenPairs = new HashSet<>();

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
            itemCount += writeBatch(items, "items", ImportStatements.MERGE_ITEMS, record -> { });
        }

        private void flushVectors() {
            if (vectors.isEmpty()) {
                return;
            }
            batchNumber++;
            List<Map<String, Object>> batch = List.copyOf(vectors);
            vectors.clear();
            List<Record> missing;
            try {
                missing = graph.write(tx -> {
                    for (String modality : List.of("visual", "text")) {
                        tx.run(String.format(java.util.Locale.ROOT, ImportStatements.STORE_VECTORS, modality),
                                Map.of("rows", batch, "input", PrecomputedVectors.INPUT)).consume();
                    }
                    return tx.run(ImportStatements.MISSING_ITEMS, Map.of("rows", batch)).list();
                });
            } catch (RuntimeException e) {
                throw failed(batch.size(), "vectors", e);
            }
            missing.forEach(record -> rejected(new RowError(sourceName, 0, "vectors of unknown item "
                    + record.get("missingItemId").asString())));
            vectorCount += batch.size() - missing.size();
            progress.maybeLog(itemCount + userCount + outfitCount + interactionCount + vectorCount);
        }

        private ImportFailedException failed(int size, String what, RuntimeException e) {
            return new ImportFailedException(String.format(java.util.Locale.ROOT,
                    "[%s] batch %d (%d %s) was not written and nothing of it was applied; %,d rows were written "
                            + "before it. Fix the cause and run the import again (it is idempotent): %s",
                    sourceName, batchNumber, size, what, itemCount + userCount + outfitCount + interactionCount
                            + vectorCount, e.getMessage()), e);
        }

        private void flushUsers() {
            userCount += writeBatch(users, "users", ImportStatements.MERGE_USERS, record -> { });
        }

        private void flushOutfits() {
            outfitCount += writeBatch(outfits, "outfits", ImportStatements.MERGE_OUTFITS, record -> rejected(new RowError(sourceName, 0,
                    "outfit " + record.get("outfitId").asString() + " refers to unknown item "
                            + record.get("missingItemId").asString() + " (member skipped)")));
        }

        private void flushInteractions() {
            if (interactionWrites == InteractionWrites.BATCHED) {
                flushInteractionsBatched();
                return;
            }
            long[] missing = {0};
            long written = writeBatch(interactions, "interactions", ImportStatements.MERGE_INTERACTIONS, record -> {
                missing[0]++;
                rejected(new RowError(sourceName, 0, "interaction of user " + record.get("userId").asString()
                        + " refers to unknown item " + record.get("missingItemId").asString()));
            });
            interactionCount += written - missing[0];
        }

        /**
         * Applies a batch of likes and dislikes as {@link ImportStatements#MERGE_INTERACTIONS} would, row by row: the
         * last signal on a pair wins, and repeats of the same signal add their properties to the edge.
         */
        private void flushInteractionsBatched() {
            if (interactions.isEmpty()) {
                return;
            }
            batchNumber++;
            List<Map<String, Object>> batch = List.copyOf(interactions);
            interactions.clear();
            Map<List<Object>, Map<String, Object>> pairs = new LinkedHashMap<>();
            Set<String> itemIds = new LinkedHashSet<>();
            for (Map<String, Object> row : batch) {
                itemIds.add((String) row.get("itemId"));
                List<Object> pair = List.of(row.get("userId"), row.get("itemId"));
                Map<String, Object> earlier = pairs.get(pair);
                if (earlier != null && earlier.get("like").equals(row.get("like"))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> properties = new HashMap<>((Map<String, Object>) earlier.get("properties"));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> later = (Map<String, Object>) row.get("properties");
                    properties.putAll(later);
                    Map<String, Object> merged = new HashMap<>(row);
                    merged.put("properties", properties);
                    pairs.put(pair, merged);
                } else {
                    pairs.put(pair, row);
                }
            }
            Set<String> missing;
            try {
                List<String> written = new ArrayList<>();
                missing = graph.write(tx -> {
                    written.clear();
                    return writeSignals(tx, List.copyOf(itemIds), List.copyOf(pairs.values()), written);
                });
                if (onlyOwnSignals) {
                    writtenPairs.addAll(written);
                } else {
                    writtenPairs.clear();
                }
            } catch (RuntimeException e) {
                throw failed(batch.size(), "interactions", e);
            }
            long rejectedRows = 0;
            for (Map<String, Object> row : batch) {
                if (missing.contains((String) row.get("itemId"))) {
                    rejectedRows++;
                    rejected(new RowError(sourceName, 0, "interaction of user " + row.get("userId")
                            + " refers to unknown item " + row.get("itemId")));
                }
            }
            interactionCount += batch.size() - rejectedRows;
            progress.maybeLog(itemCount + userCount + outfitCount + interactionCount + vectorCount);
        }

        /** One transaction's statements for a collapsed batch; answers the item ids the graph does not hold. */
        private Set<String> writeSignals(org.neo4j.driver.TransactionContext tx, List<String> itemIds,
                                         List<Map<String, Object>> pairs, List<String> written) {
            Map<String, String> itemNodes = new HashMap<>();
            Set<String> missing = new HashSet<>();
            tx.run(ImportStatements.RESOLVE_INTERACTION_ITEMS, Map.of("ids", itemIds)).list().forEach(record -> {
                if (record.get("node").isNull()) {
                    missing.add(record.get("id").asString());
                } else {
                    itemNodes.put(record.get("id").asString(), record.get("node").asString());
                }
            });
            Map<Object, Map<String, Object>> users = new LinkedHashMap<>();
            for (Map<String, Object> row : pairs) {
                if (itemNodes.containsKey((String) row.get("itemId"))) {
                    users.putIfAbsent(row.get("userId"), Map.of("id", row.get("userId"), "source", row.get("source")));
                }
            }
            if (users.isEmpty()) {
                return missing;
            }
            Map<String, String> userNodes = new HashMap<>();
            tx.run(ImportStatements.MERGE_INTERACTION_USERS, Map.of("rows", List.copyOf(users.values()))).list()
                    .forEach(record -> userNodes.put(record.get("id").asString(), record.get("node").asString()));
            List<Map<String, Object>> known = new ArrayList<>();
            for (Map<String, Object> row : pairs) {
                String item = itemNodes.get((String) row.get("itemId"));
                if (item != null) {
                    known.add(Map.of("user", userNodes.get((String) row.get("userId")), "item", item,
                            "like", row.get("like"), "properties", row.get("properties")));
                }
            }
            if (onlyOwnSignals) {
                onlyOwnSignals = tx.run(ImportStatements.COUNT_SIGNALS).single().get(0).asLong()
                        == writtenPairs.size();
            }
            Set<List<String>> existing = new HashSet<>();
            if (onlyOwnSignals) {
                for (Map<String, Object> row : known) {
                    if (writtenPairs.contains(pairKey(row))) {
                        existing.add(List.of((String) row.get("user"), (String) row.get("item")));
                    }
                }
            } else {
                tx.run(ImportStatements.EXISTING_SIGNALS, Map.of("rows", known)).list().forEach(record ->
                        existing.add(List.of(record.get("user").asString(), record.get("item").asString())));
            }
            Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
            for (Map<String, Object> row : known) {
                boolean like = (Boolean) row.get("like");
                boolean present = existing.contains(List.of((String) row.get("user"), (String) row.get("item")));
                groups.computeIfAbsent((present ? "replace " : "create ") + (like ? "LIKED" : "DISLIKED"),
                        key -> new ArrayList<>()).add(row);
                if (!present && onlyOwnSignals) {
                    written.add(pairKey(row));
                }
            }
            groups.forEach((key, rows) -> {
                String[] parts = key.split(" ");
                String type = parts[1];
                String opposite = type.equals("LIKED") ? "DISLIKED" : "LIKED";
                String cypher = parts[0].equals("create") ? ImportStatements.CREATE_SIGNALS
                        : ImportStatements.REPLACE_SIGNALS;
                tx.run(String.format(Locale.ROOT, cypher, type, opposite), Map.of("rows", rows)).consume();
            });
            return missing;
        }

        private static String pairKey(Map<String, Object> row) {
            return row.get("user") + "\u0000" + row.get("item");
        }

        private long writeBatch(List<Map<String, Object>> rows, String what, String cypher,
                                java.util.function.Consumer<Record> onRecord) {
            if (rows.isEmpty()) {
                return 0;
            }
            batchNumber++;
            List<Map<String, Object>> batch = List.copyOf(rows);
            rows.clear();
            try {
                List<Record> records = graph.write(tx -> tx.run(cypher, Map.of("rows", batch)).list());
                records.forEach(onRecord);
            } catch (RuntimeException e) {
                throw failed(batch.size(), what, e);
            }
            progress.maybeLog(itemCount + userCount + outfitCount + interactionCount + batch.size());
            return batch.size();
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
