package io.stylegraph.graph.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.stylegraph.graph.domain.OutfitMember;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LooksRepositoryTest {
    private final GraphDatabase graph = TestGraph.graph();
    private final LooksRepository looks = new LooksRepository(graph);

    @BeforeEach
    void clear() {
        TestGraph.clear();
    }

    @Test
    void shouldFindOutfitsContainingTheItemWithTheirMembers() {
        graph.run("""
                CREATE (a:Item {id: 'a'}), (b:Item {id: 'b'}), (c:Item {id: 'c'}),
                       (o1:Outfit {id: 'o1'})-[:CONTAINS {slot: 'top'}]->(a), (o1)-[:CONTAINS {slot: 'shoes'}]->(b),
                       (o2:Outfit {id: 'o2'})-[:CONTAINS {slot: 'dress'}]->(c)
                """, Map.of());

        List<LooksRepository.StoredOutfit> found = looks.outfitsContaining("b", 10);

        assertEquals(1, found.size());
        assertEquals("o1", found.get(0).id());
        assertTrue(found.get(0).members().containsAll(List.of(new OutfitMember("a", Slot.TOP),
                new OutfitMember("b", Slot.SHOES))));
        assertEquals(List.of(), looks.outfitsContaining("nothing", 10));
    }

    @Test
    void shouldFindPhotosFeaturingTheItemOnlyWhenThereAreAny() {
        graph.run("CREATE (:Item {id: 'a'})", Map.of());
        assertEquals(List.of(), looks.photosFeaturing("a", 5), "no Photo nodes at all is not an error");

        graph.run("""
                MATCH (a:Item {id: 'a'})
                CREATE (:Photo {id: 'p1', image: '/srv/looks/p1.jpg', userId: 'ann', source: 'api'})
                       -[:FEATURES {slot: 'top'}]->(a)
                CREATE (:Photo {id: 'p2', source: 'import:street'})-[:FEATURES]->(a)
                """, Map.of());

        List<LooksRepository.FeaturingPhoto> photos = looks.photosFeaturing("a", 5);
        assertEquals(List.of(new LooksRepository.FeaturingPhoto("p1", "api", null, true, "top"),
                new LooksRepository.FeaturingPhoto("p2", "import:street", null, false, null)), photos,
                "no storage path and no shopper id leave the graph");
    }

    @Test
    void shouldListEachLikedOutfitOnceWithItsMembers() {
        graph.run("""
                CREATE (a:Item {id: 'a'}), (b:Item {id: 'b'}), (c:Item {id: 'c'}),
                       (liked:Outfit {id: 'liked'})-[:CONTAINS {slot: 'top'}]->(a),
                       (liked)-[:CONTAINS {slot: 'bottom'}]->(b),
                       (disliked:Outfit {id: 'disliked'})-[:CONTAINS {slot: 'dress'}]->(c),
                       (:User {id: 'u'})-[:LIKED]->(liked), (:User {id: 'v'})-[:LIKED]->(liked),
                       (:User {id: 'w'})-[:DISLIKED]->(disliked)
                """, Map.of());

        List<LooksRepository.StoredOutfit> liked = looks.likedOutfits();

        assertEquals(1, liked.size());
        assertEquals("liked", liked.get(0).id());
        assertEquals(2, liked.get(0).members().size());
    }
}
