package io.stylegraph.graph.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.neo4j.GraphDatabase;

/**
 * Projects a user's current opinion of one target into the graph: at most one {@code LIKED} or {@code DISLIKED} edge
 * from the user to the target, carrying the event that set it. Applying the same state twice is a no-op, and an older
 * event never overwrites a newer one (the edge remembers its {@code eventId}), so replays in any order converge.
 */
public final class FeedbackProjection {
    private static final String APPLY = """
            MERGE (u:User {id: $userId})
              ON CREATE SET u.source = 'app'
            WITH u
            MATCH (t:%s {id: $targetId})
            OPTIONAL MATCH (u)-[old:LIKED|DISLIKED]->(t)
            WITH u, t, collect(old) AS olds, max(old.eventId) AS newestEventId
            WHERE newestEventId IS NULL OR newestEventId <= $eventId
            FOREACH (r IN olds | DELETE r)
            FOREACH (_ IN CASE WHEN $signal = 'like' THEN [1] ELSE [] END |
              CREATE (u)-[:LIKED {at: $at, eventId: $eventId, source: 'app'}]->(t))
            FOREACH (_ IN CASE WHEN $signal = 'dislike' THEN [1] ELSE [] END |
              CREATE (u)-[:DISLIKED {at: $at, eventId: $eventId, source: 'app'}]->(t))
            RETURN count(*) AS applied
            """;

    private final GraphDatabase graph;

    public FeedbackProjection(GraphDatabase graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /**
     * Sets the user's opinion of the target. {@code signal} null means no opinion (an undo). Returns false when the
     * target does not exist in the graph or a newer event already holds the edge.
     */
    public boolean apply(String userId, FeedbackTarget target, String targetId, Signal signal, long eventId,
                         Instant at) {
        Map<String, Object> params = new HashMap<>();
        params.put("userId", userId);
        params.put("targetId", targetId);
        params.put("signal", signal == null ? "none" : signal.wireName());
        params.put("eventId", eventId);
        params.put("at", at.atZone(ZoneOffset.UTC));
        return graph.write(tx -> tx.run(APPLY.formatted(target.label()), params).list())
                .stream().anyMatch(r -> r.get("applied").asLong() > 0);
    }

    /** Makes sure the user node exists, so analysts see shoppers from their first request. */
    public void ensureUser(String userId) {
        graph.run("MERGE (u:User {id: $userId}) ON CREATE SET u.source = 'app'", Map.of("userId", userId));
    }

    /** Ids of everything the user has an edge to, of either polarity, including imported history. */
    public List<String> ratedTargetIds(String userId) {
        return graph.read(tx -> tx.run(
                "MATCH (:User {id: $userId})-[:LIKED|DISLIKED]->(t) RETURN t.id AS id",
                Map.of("userId", userId)).list(r -> r.get("id").asString()));
    }

    /** The user's item opinions in the graph (feedback and imported history): item id → signal. */
    public Map<String, Signal> itemOpinions(String userId) {
        return graph.read(tx -> {
            Map<String, Signal> opinions = new java.util.HashMap<>();
            tx.run("MATCH (:User {id: $userId})-[r:LIKED|DISLIKED]->(i:Item) RETURN i.id AS id, type(r) AS type",
                    Map.of("userId", userId)).forEachRemaining(r -> opinions.put(r.get("id").asString(),
                    "LIKED".equals(r.get("type").asString()) ? Signal.LIKE : Signal.DISLIKE));
            return opinions;
        });
    }
}
