package io.stylegraph.graph.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stylegraph.graph.neo4j.GraphDatabase;
import org.neo4j.driver.TransactionContext;

/**
 * The {@link GraphImporter.InteractionWrites#BATCHED} way of writing likes and dislikes over Bolt: a batch collapsed to
 * one signal per (user, item) in Java, ids resolved to nodes once per batch, users merged once, and {@code CREATE} for
 * the edges of pairs known to have none. Leaves the graph {@link ImportStatements#MERGE_INTERACTIONS} leaves; measured
 * slower than it (docs/scaling.md), kept to compare against. One instance per import run.
 */
final class BatchedCypherInteractions {
    private final GraphDatabase graph;
    /**
     * The pairs this run created an edge for, kept while the store holds no other like or dislike edges: asked
     * per batch from the count store (the store's count equals this set's size), a batch then needs no per-pair
     * edge check. The first batch that finds other edges (a store that was not empty, or feedback written
     * meanwhile) turns it off for the rest of the run, which then checks every batch in the graph.
     */
    private boolean onlyOwnSignals = true;
    private final Set<String> writtenPairs = new HashSet<>();

    BatchedCypherInteractions(GraphDatabase graph) {
        this.graph = graph;
    }

    /**
     * Applies a batch as {@link ImportStatements#MERGE_INTERACTIONS} would, row by row: the last signal on a pair
     * wins, and repeats of the same signal add their properties to the edge. Answers every row of an unknown item.
     */
    List<BatchWriter.Missing> write(List<Map<String, Object>> batch) {
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
        List<String> written = new ArrayList<>();
        Set<String> missing = graph.write(tx -> {
            written.clear();
            return writeSignals(tx, List.copyOf(itemIds), List.copyOf(pairs.values()), written);
        });
        if (onlyOwnSignals) {
            writtenPairs.addAll(written);
        } else {
            writtenPairs.clear();
        }
        List<BatchWriter.Missing> rejected = new ArrayList<>();
        for (Map<String, Object> row : batch) {
            if (missing.contains((String) row.get("itemId"))) {
                rejected.add(new BatchWriter.Missing((String) row.get("userId"), (String) row.get("itemId")));
            }
        }
        return rejected;
    }

    /** One transaction's statements for a collapsed batch; answers the item ids the graph does not hold. */
    private Set<String> writeSignals(TransactionContext tx, List<String> itemIds, List<Map<String, Object>> pairs,
                                     List<String> written) {
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
}
