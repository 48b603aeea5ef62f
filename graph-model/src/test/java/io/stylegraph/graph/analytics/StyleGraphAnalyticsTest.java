package io.stylegraph.graph.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.neo4j.TestGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StyleGraphAnalyticsTest {
    private StyleGraphAnalytics analytics;

    @BeforeAll
    void fixture() {
        TestGraph.clear();
        StyleGraphFixture.create(TestGraph.graph());
        analytics = new StyleGraphAnalytics(TestGraph.graph(), Duration.ofSeconds(10));
    }

    @Test
    void shouldRankItemPairsByTheUsersWhoLikedBoth() {
        List<CoLikedPair> pairs = analytics.coLikedPairs(3);

        assertEquals(List.of("b1+t1:2", "s1+t1:2", "b1+s1:1"),
                pairs.stream().map(p -> p.first().id() + "+" + p.second().id() + ":" + p.users()).toList());
        assertEquals(new ItemSummary("b1", "Blue jeans", "bottom", "Jeans", "women"), pairs.get(0).first());
        assertEquals(6, analytics.coLikedPairs(100).size());
    }

    @Test
    void shouldCountCategoryPairsInOutfitsAndLearnedPairs() {
        List<CategoryPair> pairs = analytics.categoryPairs(10);

        assertEquals(List.of(
                        new CategoryPair("Jeans", "Tops", 2, 2, 2, 0.75),
                        new CategoryPair("Dresses", "Sneakers", 1, 1, 1, 0.8),
                        new CategoryPair("Sneakers", "Tops", 1, 1, 1, 0.7),
                        new CategoryPair("Jeans", "Sneakers", 1, 1, 0, null)),
                pairs.stream().map(p -> new CategoryPair(p.first(), p.second(), p.itemPairs(), p.outfits(),
                        p.learnedPairs(), p.meanScore() == null ? null : Math.round(p.meanScore() * 100) / 100.0))
                        .toList());
        assertEquals(2, analytics.categoryPairs(2).size());
    }

    @Test
    void shouldCountLikesAndDislikesPerCategory() {
        List<CategoryOpinions> opinions = analytics.categoryOpinions();

        assertEquals(List.of(
                new CategoryOpinions("Tops", "top", 2, 4, 1, 0.8),
                new CategoryOpinions("Jeans", "bottom", 2, 3, 0, 1.0),
                new CategoryOpinions("Dresses", "dress", 1, 1, 1, 0.5),
                new CategoryOpinions("Sneakers", "shoes", 1, 2, 0, 1.0),
                new CategoryOpinions("Fashion Scarves", null, 1, 0, 0, null),
                new CategoryOpinions("Women", null, 1, 0, 0, null)), opinions);
    }

    @Test
    void shouldDescribeAnItemsNeighbourhood() {
        ItemNeighbourhood t1 = analytics.neighbourhood("t1", 10).orElseThrow();

        assertEquals("White tee", t1.item().title());
        assertEquals(3, t1.likes());
        assertEquals(0, t1.dislikes());
        assertEquals(1, t1.photos());
        assertEquals(List.of("t2:0.8", "d1:0.3"), t1.similar().stream()
                .map(s -> s.item().id() + ":" + s.score()).toList());
        assertEquals(List.of("b1:0.9/2", "s1:0.7/1"), t1.pairsWith().stream()
                .map(p -> p.item().id() + ":" + p.score() + "/" + p.support()).toList());
        assertEquals(List.of("b1:2", "s1:2", "d1:1"), t1.coLiked().stream()
                .map(c -> c.item().id() + ":" + c.users()).toList());
        assertEquals(List.of("b1:2", "s1:1"), t1.outfitCompanions().stream()
                .map(c -> c.item().id() + ":" + c.outfits()).toList());
    }

    @Test
    void shouldLimitEachNeighbourListAndFindPairsFromEitherEnd() {
        ItemNeighbourhood s1 = analytics.neighbourhood("s1", 1).orElseThrow();

        assertEquals(List.of("d1"), s1.pairsWith().stream().map(p -> p.item().id()).toList());
        assertEquals(1, s1.coLiked().size());
        assertTrue(s1.similar().isEmpty());
    }

    @Test
    void shouldFindNoNeighbourhoodForAnUnknownItem() {
        assertTrue(analytics.neighbourhood("nope", 5).isEmpty());
    }

    @Test
    void shouldAnswerOnAnEmptyGraph() {
        TestGraph.clear();
        try {
            assertTrue(analytics.coLikedPairs(5).isEmpty());
            assertTrue(analytics.categoryPairs(5).isEmpty());
            assertTrue(analytics.categoryOpinions().isEmpty());
        } finally {
            StyleGraphFixture.create(TestGraph.graph());
        }
    }

    @Test
    void shouldStopAQueryThatRunsOverItsTimeLimit() {
        // 200 users who each like the same 200 items: 4 million co-liked item pairs to count
        TestGraph.graph().run("UNWIND range(1, 200) AS n CREATE (:User {id: 'many-' + n}), (:Item {id: 'x-' + n})",
                Map.of());
        TestGraph.graph().run("MATCH (u:User) WHERE u.id STARTS WITH 'many-' MATCH (i:Item) WHERE i.id STARTS WITH 'x-' "
                + "CREATE (u)-[:LIKED]->(i)", Map.of());
        try {
            StyleGraphAnalytics impatient = new StyleGraphAnalytics(TestGraph.graph(), Duration.ofMillis(50));
            CypherQueryException timedOut = assertThrows(CypherQueryException.class,
                    () -> impatient.coLikedPairs(5));
            assertEquals(CypherQueryException.Kind.TIMEOUT, timedOut.kind());
        } finally {
            TestGraph.graph().run("MATCH (n) WHERE n.id STARTS WITH 'many-' OR n.id STARTS WITH 'x-' DETACH DELETE n",
                    Map.of());
        }
    }
}
