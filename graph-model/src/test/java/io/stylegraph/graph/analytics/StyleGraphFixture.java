package io.stylegraph.graph.analytics;

import java.util.Map;

import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.VectorIndexSchema;

/**
 * A small style graph with one of everything analysts ask about.
 * <ul>
 *   <li>categories Tops (top), Jeans (bottom), Sneakers (shoes), Dresses (dress); items t1, t2 (Tops), b1, b2 (Jeans),
 *   s1 (Sneakers), d1 (Dresses), each with a 4-d {@code visual} vector (an {@code item_visual} index over them) and
 *   t1 with a 64-d {@code embedding}; t1 has the brand Acme;</li>
 *   <li>a1, an Amazon-style item of brand Acme filed under two categories without a slot, Fashion Scarves and Women,
 *   that nobody has rated;</li>
 *   <li>ann likes t1, b1, s1 and dislikes d1; bob likes t1, b1 and dislikes t2; cat likes t1, s1, d1; dan likes b2,
 *   t2;</li>
 *   <li>outfits o1 = t1 + b1 + s1, o2 = t1 + b1, o3 = d1 + s1; photo p1 features t1 and b1;</li>
 *   <li>SIMILAR t1→t2 0.8, t1→d1 0.3, b1→b2 0.9; PAIRS_WITH t1→b1 0.9 (support 2), t1→s1 0.7 (1), d1→s1 0.8 (1),
 *   t2→b2 0.6 (0).</li>
 * </ul>
 */
final class StyleGraphFixture {
    static final String CREATE = """
            CREATE (tops:Category {name: 'Tops', slot: 'top'}), (jeans:Category {name: 'Jeans', slot: 'bottom'}),
                   (sneakers:Category {name: 'Sneakers', slot: 'shoes'}), (dresses:Category {name: 'Dresses', slot: 'dress'})
            CREATE (t1:Item {id: 't1', title: 'White tee', slot: 'top', category: 'Tops', gender: 'women', colour: 'White',
                             brand: 'Acme',
                             visual: [1.0, 0.0, 0.0, 0.1], embedding: [x IN range(1, 64) | x / 64.0]})-[:IN_CATEGORY]->(tops),
                   (t2:Item {id: 't2', title: 'Striped shirt', slot: 'top', category: 'Tops', gender: 'men', colour: 'Blue',
                             visual: [0.9, 0.1, 0.0, 0.2]})-[:IN_CATEGORY]->(tops),
                   (b1:Item {id: 'b1', title: 'Blue jeans', slot: 'bottom', category: 'Jeans', gender: 'women', colour: 'Blue',
                             visual: [0.0, 1.0, 0.0, 0.1]})-[:IN_CATEGORY]->(jeans),
                   (b2:Item {id: 'b2', title: 'Black jeans', slot: 'bottom', category: 'Jeans', gender: 'men', colour: 'Black',
                             visual: [0.1, 0.9, 0.0, 0.2]})-[:IN_CATEGORY]->(jeans),
                   (s1:Item {id: 's1', title: 'White sneakers', slot: 'shoes', category: 'Sneakers', gender: 'unisex',
                             colour: 'White', visual: [0.0, 0.0, 1.0, 0.1]})-[:IN_CATEGORY]->(sneakers),
                   (d1:Item {id: 'd1', title: 'Red dress', slot: 'dress', category: 'Dresses', gender: 'women', colour: 'Red',
                             visual: [0.5, 0.5, 0.0, 0.9]})-[:IN_CATEGORY]->(dresses)
            CREATE (a1:Item {id: 'a1', title: 'Acme · Fashion Scarves · Women', slot: 'accessory',
                             category: 'Fashion Scarves', gender: 'women', brand: 'Acme',
                             categories: ['Fashion Scarves', 'Women']}),
                   (a1)-[:IN_CATEGORY]->(:Category {name: 'Fashion Scarves'}),
                   (a1)-[:IN_CATEGORY]->(:Category {name: 'Women'})
            CREATE (ann:User {id: 'ann'}), (bob:User {id: 'bob'}), (cat:User {id: 'cat'}), (dan:User {id: 'dan'})
            WITH *, datetime('2026-01-05T10:00:00Z') AS at
            CREATE (ann)-[:LIKED {at: at}]->(t1), (ann)-[:LIKED {at: at}]->(b1), (ann)-[:LIKED {at: at}]->(s1),
                   (ann)-[:DISLIKED {at: at}]->(d1),
                   (bob)-[:LIKED {at: at}]->(t1), (bob)-[:LIKED {at: at}]->(b1), (bob)-[:DISLIKED {at: at}]->(t2),
                   (cat)-[:LIKED {at: at}]->(t1), (cat)-[:LIKED {at: at}]->(s1), (cat)-[:LIKED {at: at}]->(d1),
                   (dan)-[:LIKED {at: at}]->(b2), (dan)-[:LIKED {at: at}]->(t2)
            CREATE (o1:Outfit {id: 'o1'}), (o2:Outfit {id: 'o2'}), (o3:Outfit {id: 'o3'})
            CREATE (o1)-[:CONTAINS {slot: 'top'}]->(t1), (o1)-[:CONTAINS {slot: 'bottom'}]->(b1),
                   (o1)-[:CONTAINS {slot: 'shoes'}]->(s1),
                   (o2)-[:CONTAINS {slot: 'top'}]->(t1), (o2)-[:CONTAINS {slot: 'bottom'}]->(b1),
                   (o3)-[:CONTAINS {slot: 'dress'}]->(d1), (o3)-[:CONTAINS {slot: 'shoes'}]->(s1)
            CREATE (:Photo {id: 'p1', source: 'test'})-[:FEATURES {slot: 'top'}]->(t1),
                   (:Photo {id: 'p2', source: 'test'})-[:FEATURES {slot: 'bottom'}]->(b1)
            CREATE (t1)-[:SIMILAR {score: 0.8}]->(t2), (t1)-[:SIMILAR {score: 0.3}]->(d1), (b1)-[:SIMILAR {score: 0.9}]->(b2)
            CREATE (t1)-[:PAIRS_WITH {score: 0.9, support: 2, model: 'test'}]->(b1),
                   (t1)-[:PAIRS_WITH {score: 0.7, support: 1, model: 'test'}]->(s1),
                   (d1)-[:PAIRS_WITH {score: 0.8, support: 1, model: 'test'}]->(s1),
                   (t2)-[:PAIRS_WITH {score: 0.6, support: 0, model: 'test'}]->(b2)
            """;

    private StyleGraphFixture() {
    }

    /** Writes the fixture (into an empty graph) and the {@code item_visual} vector index, and waits for the index. */
    static void create(GraphDatabase graph) {
        graph.run(CREATE, Map.of());
        VectorIndexSchema.ensure(graph, Modality.VISUAL, 4);
        graph.run("CALL db.awaitIndexes(60)", Map.of());
    }
}
