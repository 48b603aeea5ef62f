package io.stylegraph.graph.neo4j;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Constraints and indexes of the style graph. Idempotent: safe to apply at every start. */
public final class GraphSchema {
    private static final Logger LOG = LoggerFactory.getLogger(GraphSchema.class);

    static final List<String> STATEMENTS = List.of(
            "CREATE CONSTRAINT user_id IF NOT EXISTS FOR (n:User) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT item_id IF NOT EXISTS FOR (n:Item) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT outfit_id IF NOT EXISTS FOR (n:Outfit) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT category_name IF NOT EXISTS FOR (n:Category) REQUIRE n.name IS UNIQUE",
            "CREATE CONSTRAINT photo_id IF NOT EXISTS FOR (n:Photo) REQUIRE n.id IS UNIQUE",
            "CREATE INDEX item_slot IF NOT EXISTS FOR (n:Item) ON (n.slot)",
            "CREATE INDEX item_source IF NOT EXISTS FOR (n:Item) ON (n.source)");

    private GraphSchema() {
    }

    public static void apply(GraphDatabase graph) {
        for (String statement : STATEMENTS) {
            graph.run(statement, java.util.Map.of());
        }
        graph.run("CALL db.awaitIndexes(300)", java.util.Map.of());
        LOG.info("Graph schema in place ({} constraints and indexes)", STATEMENTS.size());
    }
}
