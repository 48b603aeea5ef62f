package io.stylegraph.graph.imports;

/**
 * The Cypher {@link GraphImporter} writes a batch of rows with, one statement per kind of row, each an
 * {@code UNWIND $rows ... MERGE} of the same values, so a batch applied twice leaves the graph as it was. The
 * statements that need items answer the rows whose item the graph does not hold.
 */
final class ImportStatements {

    /**
     * An item and its {@code IN_CATEGORY} edges: one per name of
     * {@link io.stylegraph.graph.domain.Item#allCategories()}; edges to categories the item is no longer filed under
     * are removed. A category takes its slot from an item whose main category it is
     * (the first such item wins); categories that are only ever a further category of a multi-category item (Amazon's
     * "Women", "Novelty") have none.
     */
    static final String MERGE_ITEMS = """
            UNWIND $rows AS row
            MERGE (i:Item {id: row.id})
            SET i.title = row.title, i.description = row.description, i.category = row.category,
                i.slot = row.slot, i.gender = row.gender, i.colour = row.colour, i.image = row.image,
                i.attributes = row.attributes, i.source = row.source, i.brand = row.brand,
                i.categories = row.categories
            WITH i, row
            CALL (i, row) {
              OPTIONAL MATCH (i)-[old:IN_CATEGORY]->(c:Category)
              WHERE NOT c.name IN [edge IN row.categoryEdges | edge.name]
              DELETE old
            }
            WITH i, row
            CALL (i, row) {
              UNWIND row.categoryEdges AS edge
              MERGE (c:Category {name: edge.name})
                ON CREATE SET c.slot = edge.slot
                ON MATCH SET c.slot = coalesce(c.slot, edge.slot)
              MERGE (i)-[:IN_CATEGORY]->(c)
            }
            """;

    static final String MERGE_USERS = """
            UNWIND $rows AS row
            MERGE (u:User {id: row.id})
            SET u += row.attributes, u.source = row.source
            """;

    static final String MERGE_OUTFITS = """
            UNWIND $rows AS row
            MERGE (o:Outfit {id: row.id})
            SET o.attributes = row.attributes, o.source = row.source
            WITH o, row
            UNWIND row.members AS m
            OPTIONAL MATCH (i:Item {id: m.itemId})
            CALL (o, i, m) {
              WITH o, i, m WHERE i IS NOT NULL
              MERGE (o)-[r:CONTAINS]->(i)
              SET r.slot = m.slot
            }
            WITH row, m, i WHERE i IS NULL
            RETURN row.id AS outfitId, m.itemId AS missingItemId
            """;

    /**
     * Likes and dislikes go through one statement so rows apply in the order the source gave them: a later signal on
     * the same (user, item) replaces the earlier edge, as feedback does.
     */
    static final String MERGE_INTERACTIONS = """
            UNWIND $rows AS row
            OPTIONAL MATCH (i:Item {id: row.itemId})
            CALL (i, row) {
              WITH i, row WHERE i IS NOT NULL
              MERGE (u:User {id: row.userId})
                ON CREATE SET u.source = row.source
              WITH u, i, row
              CALL (u, i, row) {
                WITH u, i, row WHERE row.like
                OPTIONAL MATCH (u)-[old:DISLIKED]->(i)
                DELETE old
                MERGE (u)-[r:LIKED]->(i)
                SET r += row.properties
              }
              CALL (u, i, row) {
                WITH u, i, row WHERE NOT row.like
                OPTIONAL MATCH (u)-[old:LIKED]->(i)
                DELETE old
                MERGE (u)-[r:DISLIKED]->(i)
                SET r += row.properties
              }
            }
            WITH row, i WHERE i IS NULL
            RETURN row.userId AS userId, row.itemId AS missingItemId
            """;

    /**
     * The batched interaction path ({@link GraphImporter.InteractionWrites#BATCHED}) first resolves a batch's distinct
     * item ids to nodes, one index seek each; an id without a node is an unknown item and its rows are rejected.
     */
    static final String RESOLVE_INTERACTION_ITEMS = """
            UNWIND $ids AS id
            OPTIONAL MATCH (i:Item {id: id})
            RETURN id, elementId(i) AS node
            """;

    /** Then merges the batch's distinct users, each once, answering their nodes. */
    static final String MERGE_INTERACTION_USERS = """
            UNWIND $rows AS row
            MERGE (u:User {id: row.id})
              ON CREATE SET u.source = row.source
            RETURN row.id AS id, elementId(u) AS node
            """;

    /** Whether the store holds any like or dislike edge: answered from the count store, not by a scan. */
    static final String COUNT_SIGNALS = """
            CALL () { MATCH ()-[r:LIKED]->() RETURN count(r) AS likes }
            CALL () { MATCH ()-[r:DISLIKED]->() RETURN count(r) AS dislikes }
            RETURN likes + dislikes
            """;

    /**
     * Then asks which (user, item) pairs already have a like or dislike edge, by node id (no index seek), in one
     * statement per batch.
     */
    static final String EXISTING_SIGNALS = """
            UNWIND $rows AS row
            MATCH (u) WHERE elementId(u) = row.user
            MATCH (i) WHERE elementId(i) = row.item
            WITH u, i, row WHERE EXISTS { (u)-[:LIKED|DISLIKED]->(i) }
            RETURN row.user AS user, row.item AS item
            """;

    /**
     * Pairs known to have no edge get theirs with {@code CREATE}: no per-row look for an edge to match. Formatted with
     * the relationship type ({@code LIKED} or {@code DISLIKED}).
     */
    static final String CREATE_SIGNALS = """
            UNWIND $rows AS row
            MATCH (u) WHERE elementId(u) = row.user
            MATCH (i) WHERE elementId(i) = row.item
            CREATE (u)-[r:%1$s]->(i)
            SET r = row.properties
            """;

    /**
     * Pairs that have an edge keep the per-row replace: the opposite signal is removed and the same one merged.
     * Formatted with the relationship type and its opposite.
     */
    static final String REPLACE_SIGNALS = """
            UNWIND $rows AS row
            MATCH (u) WHERE elementId(u) = row.user
            MATCH (i) WHERE elementId(i) = row.item
            OPTIONAL MATCH (u)-[old:%2$s]->(i)
            DELETE old
            MERGE (u)-[r:%1$s]->(i)
            SET r += row.properties
            """;

    /**
     * Precomputed vectors: stored like the embedding job stores its own, with the file's model and
     * {@link PrecomputedVectors#INPUT} as the input, so the job counts the item as embedded by that model.
     */
    static final String STORE_VECTORS = """
            UNWIND $rows AS row
            MATCH (i:Item {id: row.id})
            WHERE row.%1$s IS NOT NULL
            SET i.%1$sModel = row.%1$sModel, i.%1$sInput = $input
            WITH i, row
            CALL db.create.setNodeVectorProperty(i, '%1$s', row.%1$s)
            """;

    static final String MISSING_ITEMS = """
            UNWIND $rows AS row
            WITH row WHERE NOT EXISTS { MATCH (:Item {id: row.id}) }
            RETURN row.id AS missingItemId
            """;

    private ImportStatements() {
    }
}
