package io.stylegraph.graph.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.neo4j.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Item feature vectors in the style graph: {@code Item.visual} and {@code Item.text}, stored as float arrays with
 * {@code db.create.setNodeVectorProperty}, each with the encoder that produced it ({@code visualModel},
 * {@code textModel}) and the input it came from ({@code visualInput}, {@code textInput}).
 */
public final class ItemVectorRepository {
    private static final int PAGE = 5_000;

    private static final String CONTENT_FIELDS = """
            i.id AS id, i.title AS title, i.description AS description, i.category AS category, i.colour AS colour,
            i.image AS image, i.slot AS slot, i.gender AS gender, i.visualModel AS visualModel,
            i.visualInput AS visualInput, i.textModel AS textModel, i.textInput AS textInput,
            i.visual IS NOT NULL AS hasVisual, i.text IS NOT NULL AS hasText, i.brand AS brand,
            i.categories AS categories
            """;

    private final GraphDatabase graph;

    public ItemVectorRepository(GraphDatabase graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /** Streams every item's content and embedding state in id order, in pages. */
    public void forEachContent(Consumer<ItemContent> consumer) {
        String after = "";
        while (true) {
            String cursor = after;
            List<ItemContent> page = graph.read(tx -> tx.run(
                    "MATCH (i:Item) WHERE i.id > $after WITH i ORDER BY i.id LIMIT $limit RETURN " + CONTENT_FIELDS,
                    Map.of("after", cursor, "limit", PAGE)).list(ItemVectorRepository::toContent));
            page.forEach(consumer);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** The content of the given items that exist, in the order given. */
    public List<ItemContent> findContent(List<String> ids) {
        List<ItemContent> found = graph.read(tx -> tx.run(
                "UNWIND $ids AS id MATCH (i:Item {id: id}) RETURN " + CONTENT_FIELDS,
                Map.of("ids", ids)).list(ItemVectorRepository::toContent));
        Map<String, ItemContent> byId = new HashMap<>();
        found.forEach(content -> byId.put(content.id(), content));
        List<ItemContent> ordered = new ArrayList<>(found.size());
        for (String id : ids) {
            ItemContent content = byId.get(id);
            if (content != null) {
                ordered.add(content);
            }
        }
        return ordered;
    }

    /** Stores a batch of embedding outcomes in one transaction: all of them or none. */
    public void store(List<VectorWrite> writes) {
        Map<StoreGroup, List<Map<String, Object>>> rowsByGroup = new LinkedHashMap<>();
        for (VectorWrite write : writes) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", write.itemId());
            row.put("input", write.input());
            row.put("vector", write.vector());
            rowsByGroup.computeIfAbsent(new StoreGroup(write.modality(), write.modelId()), g -> new ArrayList<>())
                    .add(row);
        }
        if (rowsByGroup.isEmpty()) {
            return;
        }
        graph.write(tx -> {
            rowsByGroup.forEach((group, rows) -> tx.run(storeStatement(group.modality()),
                    Map.of("rows", rows, "model", group.modelId())).consume());
            return null;
        });
    }

    private record StoreGroup(Modality modality, String modelId) {
    }

    private static String storeStatement(Modality modality) {
        String property = modality.property();
        return "UNWIND $rows AS row MATCH (i:Item {id: row.id}) "
                + "SET i." + modality.modelProperty() + " = $model, i." + modality.inputProperty() + " = row.input, "
                + "i." + property + " = null "
                + "WITH i, row WHERE row.vector IS NOT NULL "
                + "CALL db.create.setNodeVectorProperty(i, '" + property + "', row.vector)";
    }

    /** Streams the stored vectors of one modality made by one model, in id order, in pages. */
    public void forEachVector(Modality modality, String modelId, Consumer<ItemVector> consumer) {
        String after = "";
        String query = "MATCH (i:Item) WHERE i.id > $after AND i." + modality.modelProperty() + " = $model "
                + "AND i." + modality.property() + " IS NOT NULL WITH i ORDER BY i.id LIMIT $limit "
                + "RETURN i.id AS id, i.slot AS slot, i.gender AS gender, i." + modality.property() + " AS vector, i."
                + modality.inputProperty() + " AS input";
        while (true) {
            String cursor = after;
            List<ItemVector> page = graph.read(tx -> tx.run(query,
                    Map.of("after", cursor, "model", modelId, "limit", PAGE)).list(ItemVectorRepository::toVector));
            page.forEach(consumer);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).itemId();
        }
    }

    /** The stored vectors of one modality made by one model for the given items (those that have one). */
    public List<ItemVector> findVectors(Modality modality, String modelId, List<String> ids) {
        return graph.read(tx -> tx.run("UNWIND $ids AS id MATCH (i:Item {id: id}) WHERE i." + modality.modelProperty()
                + " = $model AND i." + modality.property() + " IS NOT NULL RETURN i.id AS id, i.slot AS slot, "
                + "i.gender AS gender, i." + modality.property() + " AS vector, i." + modality.inputProperty()
                + " AS input",
                Map.of("ids", ids, "model", modelId)).list(ItemVectorRepository::toVector));
    }

    /** How many items carry a vector of this modality from this model. */
    public long countVectors(Modality modality, String modelId) {
        return graph.read(tx -> tx.run("MATCH (i:Item) WHERE i." + modality.modelProperty() + " = $model AND i."
                + modality.property() + " IS NOT NULL RETURN count(i) AS n", Map.of("model", modelId))
                .single().get("n").asLong());
    }

    private static ItemContent toContent(Record r) {
        return new ItemContent(r.get("id").asString(), string(r.get("title")), string(r.get("description")),
                string(r.get("category")), string(r.get("colour")), string(r.get("image")),
                Slot.parse(string(r.get("slot"))).orElse(Slot.OTHER), Gender.parse(string(r.get("gender"))).orElse(null),
                string(r.get("visualModel")), string(r.get("visualInput")), string(r.get("textModel")),
                string(r.get("textInput")), r.get("hasVisual").asBoolean(), r.get("hasText").asBoolean(),
                string(r.get("brand")), r.get("categories").isNull() ? List.of() : r.get("categories").asList(Value::asString));
    }

    private static ItemVector toVector(Record r) {
        Value list = r.get("vector");
        float[] vector = new float[list.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) list.get(i).asDouble();
        }
        return new ItemVector(r.get("id").asString(), Slot.parse(string(r.get("slot"))).orElse(Slot.OTHER),
                Gender.parse(string(r.get("gender"))).orElse(null), vector,
                Objects.requireNonNullElse(string(r.get("input")), ""));
    }

    private static String string(Value value) {
        return value == null || value.isNull() ? null : value.asString();
    }
}
