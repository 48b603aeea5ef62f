package io.stylegraph.graph.analytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.stylegraph.graph.neo4j.GraphDatabase;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * The questions analysts ask most, as fixed read-only queries over the style graph, each in one read transaction
 * with a time limit (a {@link CypherQueryException.Kind#TIMEOUT} when it runs over).
 */
public final class StyleGraphAnalytics {
    private static final String CO_LIKED_PAIRS = """
            MATCH (a:Item)<-[:LIKED]-(u:User)-[:LIKED]->(b:Item)
            WHERE a.id < b.id
            WITH a, b, count(u) AS users
            ORDER BY users DESC, a.id, b.id
            LIMIT $limit
            RETURN %s AS first, %s AS second, users
            """.formatted(ItemSummary.projection("a"), ItemSummary.projection("b"));

    /** Category names of two items put in alphabetical order, so (a, b) and (b, a) count as one pair. */
    private static final String ORDERED_CATEGORIES = """
            WITH CASE WHEN ca.name <= cb.name THEN ca.name ELSE cb.name END AS first,
                 CASE WHEN ca.name <= cb.name THEN cb.name ELSE ca.name END AS second, %s
            """;

    private static final String OUTFIT_CATEGORY_PAIRS = """
            MATCH (o:Outfit)-[:CONTAINS]->(a:Item)-[:IN_CATEGORY]->(ca:Category),
                  (o)-[:CONTAINS]->(b:Item)-[:IN_CATEGORY]->(cb:Category)
            WHERE a.id < b.id
            """ + ORDERED_CATEGORIES.formatted("o") + """
            RETURN first, second, count(*) AS itemPairs, count(DISTINCT o) AS outfits
            """;

    private static final String LEARNED_CATEGORY_PAIRS = """
            MATCH (ca:Category)<-[:IN_CATEGORY]-(a:Item)-[p:PAIRS_WITH]->(b:Item)-[:IN_CATEGORY]->(cb:Category)
            """ + ORDERED_CATEGORIES.formatted("p") + """
            RETURN first, second, count(p) AS learnedPairs, avg(p.score) AS meanScore
            """;

    private static final String CATEGORY_OPINIONS = """
            MATCH (c:Category)<-[:IN_CATEGORY]-(i:Item)
            WITH c, i, COUNT { (i)<-[:LIKED]-() } AS likes, COUNT { (i)<-[:DISLIKED]-() } AS dislikes
            RETURN c.name AS category, c.slot AS slot, count(i) AS items, sum(likes) AS likes,
                   sum(dislikes) AS dislikes
            ORDER BY likes + dislikes DESC, category
            """;

    private static final String NEIGHBOURHOOD = """
            MATCH (i:Item {id: $itemId})
            RETURN %s AS item,
                   COUNT { (i)<-[:LIKED]-() } AS likes,
                   COUNT { (i)<-[:DISLIKED]-() } AS dislikes,
                   COUNT { (i)<-[:FEATURES]-(:Photo) } AS photos,
                   COLLECT {
                     MATCH (i)-[s:SIMILAR]->(o:Item)
                     WITH o, s ORDER BY s.score DESC, o.id LIMIT $limit
                     RETURN {item: %s, score: s.score}
                   } AS similar,
                   COLLECT {
                     MATCH (i)-[p:PAIRS_WITH]-(o:Item)
                     WITH o, max(p.score) AS score, max(p.support) AS support
                     ORDER BY score DESC, o.id LIMIT $limit
                     RETURN {item: %s, score: score, support: support}
                   } AS pairsWith,
                   COLLECT {
                     MATCH (i)<-[:LIKED]-(u:User)-[:LIKED]->(o:Item)
                     WHERE o <> i
                     WITH o, count(DISTINCT u) AS users
                     ORDER BY users DESC, o.id LIMIT $limit
                     RETURN {item: %s, users: users}
                   } AS coLiked,
                   COLLECT {
                     MATCH (i)<-[:CONTAINS]-(outfit:Outfit)-[:CONTAINS]->(o:Item)
                     WHERE o <> i
                     WITH o, count(DISTINCT outfit) AS outfits
                     ORDER BY outfits DESC, o.id LIMIT $limit
                     RETURN {item: %s, outfits: outfits}
                   } AS outfitCompanions
            """.formatted(ItemSummary.projection("i"), ItemSummary.projection("o"), ItemSummary.projection("o"),
            ItemSummary.projection("o"), ItemSummary.projection("o"));

    private final GraphDatabase graph;
    private final Duration timeout;

    public StyleGraphAnalytics(GraphDatabase graph, Duration timeout) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The {@code limit} item pairs liked by the most users in common, most first. */
    public List<CoLikedPair> coLikedPairs(int limit) {
        return read(tx -> tx.run(CO_LIKED_PAIRS, Map.of("limit", limit)).list(r -> new CoLikedPair(
                ItemSummary.of(r.get("first")), ItemSummary.of(r.get("second")), r.get("users").asLong())));
    }

    /**
     * Category pairs from stored outfits and from the learned {@code PAIRS_WITH} edges, the {@code limit} with the
     * most evidence (item pairs in outfits plus learned pairs) first.
     */
    public List<CategoryPair> categoryPairs(int limit) {
        record Key(String first, String second) {
        }
        record Counts(long itemPairs, long outfits, long learnedPairs, Double meanScore) {
        }
        Map<Key, Counts> pairs = new LinkedHashMap<>();
        read(tx -> {
            tx.run(OUTFIT_CATEGORY_PAIRS).forEachRemaining(r -> pairs.put(
                    new Key(r.get("first").asString(), r.get("second").asString()),
                    new Counts(r.get("itemPairs").asLong(), r.get("outfits").asLong(), 0, null)));
            tx.run(LEARNED_CATEGORY_PAIRS).forEachRemaining(r -> pairs.merge(
                    new Key(r.get("first").asString(), r.get("second").asString()),
                    new Counts(0, 0, r.get("learnedPairs").asLong(), r.get("meanScore").asDouble()),
                    (outfits, learned) -> new Counts(outfits.itemPairs(), outfits.outfits(), learned.learnedPairs(),
                            learned.meanScore())));
            return null;
        });
        List<CategoryPair> all = new ArrayList<>();
        pairs.forEach((key, counts) -> all.add(new CategoryPair(key.first(), key.second(), counts.itemPairs(),
                counts.outfits(), counts.learnedPairs(), counts.meanScore())));
        all.sort(Comparator.comparingLong((CategoryPair p) -> p.itemPairs() + p.learnedPairs()).reversed()
                .thenComparing(CategoryPair::first).thenComparing(CategoryPair::second));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    /** Every category with items: its items' likes and dislikes, most opinions first. */
    public List<CategoryOpinions> categoryOpinions() {
        return read(tx -> tx.run(CATEGORY_OPINIONS).list(r -> {
            long likes = r.get("likes").asLong();
            long dislikes = r.get("dislikes").asLong();
            return new CategoryOpinions(r.get("category").asString(),
                    r.get("slot").isNull() ? null : r.get("slot").asString(), r.get("items").asLong(), likes,
                    dislikes, likes + dislikes == 0 ? null : (double) likes / (likes + dislikes));
        }));
    }

    /** The item's neighbourhood with at most {@code limit} items per list, or empty when there is no such item. */
    public Optional<ItemNeighbourhood> neighbourhood(String itemId, int limit) {
        return read(tx -> tx.run(NEIGHBOURHOOD, Map.of("itemId", itemId, "limit", limit)).list().stream()
                .findFirst().map(StyleGraphAnalytics::neighbourhood));
    }

    private static ItemNeighbourhood neighbourhood(Record r) {
        return new ItemNeighbourhood(ItemSummary.of(r.get("item")), r.get("likes").asLong(),
                r.get("dislikes").asLong(), r.get("photos").asLong(),
                r.get("similar").asList(v -> new ItemNeighbourhood.Similar(ItemSummary.of(v.get("item")),
                        v.get("score").asDouble())),
                r.get("pairsWith").asList(v -> new ItemNeighbourhood.Paired(ItemSummary.of(v.get("item")),
                        v.get("score").asDouble(), v.get("support").isNull() ? 0 : v.get("support").asLong())),
                r.get("coLiked").asList(v -> new ItemNeighbourhood.CoLiked(ItemSummary.of(v.get("item")),
                        v.get("users").asLong())),
                r.get("outfitCompanions").asList(v -> new ItemNeighbourhood.OutfitCompanion(
                        ItemSummary.of(v.get("item")), v.get("outfits").asLong())));
    }

    /** One explicit read transaction, never retried: an analyst's question that failed runs once. */
    private <T> T read(Function<SimpleQueryRunner, T> work) {
        SessionConfig session = SessionConfig.builder().withDatabase(graph.database())
                .withDefaultAccessMode(AccessMode.READ).build();
        TransactionConfig config = TransactionConfig.builder().withTimeout(timeout)
                .withMetadata(Map.of("app", "stylegraph-analytics")).build();
        try (Session reads = graph.driver().session(session)) {
            return ReadOnlyCypher.once(reads, config, work);
        } catch (Neo4jException e) {
            throw ReadOnlyCypher.translate(e, timeout);
        }
    }
}
