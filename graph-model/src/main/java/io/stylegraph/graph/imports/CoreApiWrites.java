package io.stylegraph.graph.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientFailureException;

/**
 * Writes batches through the embedded store's Java API, one {@code beginTx()} per batch, leaving the graph the
 * {@link ImportStatements} leave: nodes found with {@code findNode} on their unique-constraint index (each id once per
 * batch) and created when absent, properties set as the Cypher parameters would be ({@link StoredValues}), a pair's
 * edge looked for among the relationships of whichever end has fewer, precomputed vectors stored as the
 * {@code float[]} that {@code db.create.setNodeVectorProperty} stores, which the vector indexes pick up. No Cypher
 * planning or Bolt round trip per batch.
 */
final class CoreApiWrites implements BatchWriter {
    private static final Label ITEM = Label.label("Item");
    private static final Label USER = Label.label("User");
    private static final Label OUTFIT = Label.label("Outfit");
    private static final Label CATEGORY = Label.label("Category");
    private static final RelationshipType IN_CATEGORY = RelationshipType.withName("IN_CATEGORY");
    private static final RelationshipType CONTAINS = RelationshipType.withName("CONTAINS");
    private static final RelationshipType LIKED = RelationshipType.withName("LIKED");
    private static final RelationshipType DISLIKED = RelationshipType.withName("DISLIKED");
    private static final List<String> ITEM_PROPERTIES = List.of("title", "description", "category", "slot",
            "gender", "colour", "image", "attributes", "source", "brand", "categories");
    private static final List<String> MODALITIES = List.of("visual", "text");
    private static final int MAX_ATTEMPTS = 5;

    private final GraphDatabaseService database;

    CoreApiWrites(GraphDatabaseService database) {
        this.database = database;
    }

    @Override
    public void items(List<Map<String, Object>> rows) {
        inTransaction(tx -> {
            Map<String, Node> categories = new HashMap<>();
            rows.forEach(row -> writeItem(tx, row, categories));
            return null;
        });
    }

    /** {@link ImportStatements#MERGE_ITEMS} for one row. */
    private static void writeItem(Transaction tx, Map<String, Object> row, Map<String, Node> categories) {
        Node item = merge(tx, ITEM, "id", row.get("id"));
        ITEM_PROPERTIES.forEach(key -> StoredValues.set(item, key, row.get(key)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> edges = (List<Map<String, Object>>) row.get("categoryEdges");
        Set<Object> names = new HashSet<>();
        edges.forEach(edge -> names.add(edge.get("name")));
        Set<Object> linked = new HashSet<>();
        for (Relationship old : item.getRelationships(Direction.OUTGOING, IN_CATEGORY)) {
            Node category = old.getEndNode();
            if (!category.hasLabel(CATEGORY) || !category.hasProperty("name")) {
                continue;
            }
            Object name = category.getProperty("name");
            if (names.contains(name)) {
                linked.add(name);
            } else {
                old.delete();
            }
        }
        for (Map<String, Object> edge : edges) {
            Object name = edge.get("name");
            Node category = categories.computeIfAbsent((String) name, key -> merge(tx, CATEGORY, "name", key));
            // ON CREATE SET c.slot = edge.slot, ON MATCH SET c.slot = coalesce(c.slot, edge.slot)
            if (edge.get("slot") != null && !category.hasProperty("slot")) {
                category.setProperty("slot", edge.get("slot"));
            }
            if (linked.add(name)) {
                item.createRelationshipTo(category, IN_CATEGORY);
            }
        }
    }

    @Override
    public void users(List<Map<String, Object>> rows) {
        inTransaction(tx -> {
            for (Map<String, Object> row : rows) {
                Node user = merge(tx, USER, "id", row.get("id"));
                @SuppressWarnings("unchecked")
                Map<String, Object> attributes = (Map<String, Object>) row.get("attributes");
                StoredValues.setAll(user, attributes);
                StoredValues.set(user, "source", row.get("source"));
            }
            return null;
        });
    }

    @Override
    public List<String> vectors(List<Map<String, Object>> rows) {
        return inTransaction(tx -> {
            List<String> missing = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                String id = (String) row.get("id");
                Node item = tx.findNode(ITEM, "id", id);
                if (item == null) {
                    missing.add(id);
                    continue;
                }
                for (String modality : MODALITIES) {
                    float[] vector = (float[]) row.get(modality);
                    if (vector != null) {
                        StoredValues.set(item, modality + "Model", row.get(modality + "Model"));
                        item.setProperty(modality + "Input", PrecomputedVectors.INPUT);
                        item.setProperty(modality, StoredValues.vector(id, modality, vector));
                    }
                }
            }
            return missing;
        });
    }

    @Override
    public List<Missing> outfits(List<Map<String, Object>> rows) {
        return inTransaction(tx -> {
            List<Missing> missing = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                String id = (String) row.get("id");
                Node outfit = merge(tx, OUTFIT, "id", id);
                StoredValues.set(outfit, "attributes", row.get("attributes"));
                StoredValues.set(outfit, "source", row.get("source"));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> members = (List<Map<String, Object>>) row.get("members");
                for (Map<String, Object> member : members) {
                    Node item = tx.findNode(ITEM, "id", member.get("itemId"));
                    if (item == null) {
                        missing.add(new Missing(id, (String) member.get("itemId")));
                        continue;
                    }
                    List<Relationship> contains = between(outfit, item, CONTAINS);
                    if (contains.isEmpty()) {
                        contains.add(outfit.createRelationshipTo(item, CONTAINS));
                    }
                    contains.forEach(edge -> edge.setProperty("slot", member.get("slot")));
                }
            }
            return missing;
        });
    }

    @Override
    public List<Missing> interactions(List<Map<String, Object>> rows) {
        return inTransaction(tx -> {
            List<Missing> missing = new ArrayList<>();
            Map<String, Node> items = new HashMap<>();
            Map<String, Node> users = new HashMap<>();
            for (Map<String, Object> row : rows) {
                String itemId = (String) row.get("itemId");
                Node item = items.containsKey(itemId) ? items.get(itemId) : tx.findNode(ITEM, "id", itemId);
                items.put(itemId, item);
                if (item == null) {
                    missing.add(new Missing((String) row.get("userId"), itemId));
                    continue;
                }
                Node user = users.computeIfAbsent((String) row.get("userId"), id -> {
                    Node found = tx.findNode(USER, "id", id);
                    return found != null ? found : create(tx, USER, "id", id, "source", row.get("source"));
                });
                @SuppressWarnings("unchecked")
                Map<String, Object> properties = (Map<String, Object>) row.get("properties");
                writeSignal(user, item, (Boolean) row.get("like") ? LIKED : DISLIKED, properties);
            }
            return missing;
        });
    }

    /**
     * A user's newest opinion of an item: the opposite edge removed, the edge of this type merged and given the
     * row's properties, as {@link ImportStatements#MERGE_INTERACTIONS} does.
     */
    private static void writeSignal(Node user, Node item, RelationshipType type, Map<String, Object> properties) {
        RelationshipType opposite = type == LIKED ? DISLIKED : LIKED;
        List<Relationship> same = new ArrayList<>(1);
        for (Relationship edge : between(user, item, LIKED, DISLIKED)) {
            if (edge.isType(opposite)) {
                edge.delete();
            } else {
                same.add(edge);
            }
        }
        if (same.isEmpty()) {
            same.add(user.createRelationshipTo(item, type));
        }
        same.forEach(edge -> StoredValues.setAll(edge, properties));
    }

    /** The edges of these types from {@code start} to {@code end}, read from whichever end has fewer edges. */
    private static List<Relationship> between(Node start, Node end, RelationshipType... types) {
        boolean fromStart = start.getDegree(Direction.OUTGOING) <= end.getDegree(Direction.INCOMING);
        Node near = fromStart ? start : end;
        List<Relationship> found = new ArrayList<>(1);
        for (Relationship edge : near.getRelationships(fromStart ? Direction.OUTGOING : Direction.INCOMING, types)) {
            if ((fromStart ? edge.getEndNode() : edge.getStartNode()).equals(fromStart ? end : start)) {
                found.add(edge);
            }
        }
        return found;
    }

    private static Node merge(Transaction tx, Label label, String key, Object value) {
        Node node = tx.findNode(label, key, value);
        return node != null ? node : create(tx, label, key, value, null, null);
    }

    private static Node create(Transaction tx, Label label, String key, Object value, String other, Object otherValue) {
        Node node = tx.createNode(label);
        node.setProperty(key, value);
        if (other != null && otherValue != null) {
            node.setProperty(other, otherValue);
        }
        return node;
    }

    /**
     * One batch in one transaction. A transient failure (a deadlock with the service's own writes, say a like
     * projected while its user is imported) rolls the batch back whole and runs it again, as the driver's managed
     * transactions do on the Bolt path: the batch's work only finds or creates, so a rerun leaves the same graph.
     */
    private <T> T inTransaction(Function<Transaction, T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Transaction tx = database.beginTx()) {
                T result = work.apply(tx);
                tx.commit();
                return result;
            } catch (TransientFailureException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L << Math.min(attempt, 6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an import batch", e);
        }
    }
}
