package io.stylegraph.api.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpStatus;
import io.stylegraph.api.feedback.FeedbackLog;
import io.stylegraph.api.feedback.UserOpinions;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.search.SearchConfiguration;
import io.stylegraph.api.recommendations.ServedModel;
import io.stylegraph.api.recommendations.ServedModelHolder;
import io.stylegraph.api.tryon.TryOnJob;
import io.stylegraph.api.tryon.TryOnService;
import io.stylegraph.api.tryon.TryOnStore;
import io.stylegraph.graph.neo4j.GraphDatabase;
import jakarta.inject.Singleton;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's data on request: everything held about them as JSON, and its erasure. Erasure deletes (it does not
 * pseudonymise) the feedback log rows in PostgreSQL, the {@code User} node with every relationship, the looks the user
 * saved (graph nodes and photo files under the upload folder), and try-on jobs with their pictures; the served model
 * stops using the user's trained row in this process at once, and the next training run's snapshot has no such user.
 * Artifacts of versions trained before keep the row on disk until they are replaced (see docs/security.md).
 */
@Singleton
public class UserDataService {
    private static final Logger LOG = LoggerFactory.getLogger(UserDataService.class);

    private final FeedbackLog log;
    private final UserOpinions opinions;
    private final GraphDatabase graph;
    private final TryOnStore tryOnStore;
    private final TryOnService tryOn;
    private final ServedModelHolder served;
    private final Path uploadDir;

    public UserDataService(FeedbackLog log, UserOpinions opinions, GraphDatabase graph, TryOnStore tryOnStore,
                           TryOnService tryOn, ServedModelHolder served, SearchConfiguration search) {
        this.log = log;
        this.opinions = opinions;
        this.graph = graph;
        this.tryOnStore = tryOnStore;
        this.tryOn = tryOn;
        this.served = served;
        this.uploadDir = search.getImageDir().toAbsolutePath().normalize();
    }

    public UserDataExport export(String userId) {
        try {
            return exportEverything(userId);
        } catch (Neo4jException graphDown) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "graph-unavailable", null,
                    "The user's graph data cannot be read right now; try again");
        }
    }

    private UserDataExport exportEverything(String userId) {
        List<UserDataExport.FeedbackEvent> events = log.allEvents(userId).stream()
                .map(e -> new UserDataExport.FeedbackEvent(e.id(), e.targetType(), e.targetId(), e.signal(),
                        e.clientEventId(), e.occurredAt(), e.projectedAt()))
                .toList();
        Map<String, Object> user = graph.read(tx -> {
            var found = tx.run("MATCH (u:User {id: $id}) RETURN properties(u) AS p", Map.<String, Object>of("id", userId))
                    .list();
            return found.isEmpty() ? null : plain(found.get(0).get("p").asMap());
        });
        List<UserDataExport.GraphRelationship> relationships = graph.read(tx -> tx.run("""
                MATCH (:User {id: $id})-[r]-(t)
                RETURN type(r) AS type, head(labels(t)) AS label, t.id AS targetId, properties(r) AS properties
                ORDER BY type, targetId
                """, Map.<String, Object>of("id", userId)).list(UserDataService::relationship));
        List<UserDataExport.Look> looks = graph.read(tx -> tx.run("""
                MATCH (p:Photo {userId: $id})
                OPTIONAL MATCH (p)-[:FEATURES]->(i:Item)
                WITH p, i ORDER BY i.id
                RETURN p.id AS id, toString(p.createdAt) AS createdAt, [x IN collect(i.id) WHERE x IS NOT NULL] AS items
                ORDER BY id
                """, Map.<String, Object>of("id", userId)).list(r -> new UserDataExport.Look(r.get("id").asString(),
                r.get("createdAt").isNull() ? null : r.get("createdAt").asString(),
                r.get("items").asList(v -> v.asString()), "/v1/looks/" + r.get("id").asString() + "/image")));
        List<UserDataExport.TryOn> jobs = tryOnStore.findByUser(userId).stream()
                .map(job -> new UserDataExport.TryOn(job.id(), job.itemId(), job.status(), job.placement(),
                        job.createdAt(), job.finishedAt(),
                        TryOnJob.DONE.equals(job.status()) ? "/v1/tryon/" + job.id() + "/image" : null))
                .toList();
        ServedModel model = served.current().orElse(null);
        return new UserDataExport(userId, Instant.now(), events, user, relationships, looks, jobs,
                new UserDataExport.ServedModel(model == null ? null : model.version(),
                        model != null && model.model().knowsUser(userId)));
    }

    private static UserDataExport.GraphRelationship relationship(Record r) {
        return new UserDataExport.GraphRelationship(r.get("type").asString(),
                r.get("label").isNull() ? "" : r.get("label").asString(),
                r.get("targetId").isNull() ? "" : String.valueOf(r.get("targetId").asObject()),
                plain(r.get("properties").asMap()));
    }

    /** Graph properties as JSON values: times and durations as ISO-8601 text. */
    private static Map<String, Object> plain(Map<String, Object> properties) {
        Map<String, Object> plain = new LinkedHashMap<>();
        properties.forEach((key, value) -> plain.put(key, value instanceof java.time.temporal.TemporalAccessor
                || value instanceof org.neo4j.driver.types.IsoDuration ? value.toString() : value));
        return plain;
    }

    /**
     * Erases the user's data. The feedback log goes first, so the projection cannot bring the graph's copy back; a
     * later like by the same id starts a fresh user.
     */
    public UserDataErased erase(String userId) {
        try {
            return eraseEverywhere(userId);
        } catch (Neo4jException graphDown) {
            LOG.warn("Erasure of user {} incomplete, the graph did not answer: {}", userId, graphDown.getMessage());
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "graph-unavailable", null,
                    "The user's feedback log and try-ons are erased, their graph data not yet; repeat the request");
        }
    }

    private UserDataErased eraseEverywhere(String userId) {
        int events = log.deleteUser(userId);
        opinions.invalidate(userId);
        int jobs = tryOn.deleteUser(userId);
        List<String[]> looks = graph.write(tx -> tx.run("""
                MATCH (p:Photo {userId: $id})
                WITH p, p.id AS id, p.image AS image
                DETACH DELETE p
                RETURN id, image
                """, Map.<String, Object>of("id", userId)).list(r -> new String[] {r.get("id").asString(),
                r.get("image").isNull() ? null : r.get("image").asString()}));
        for (String[] look : looks) {
            deletePhoto(look[1]);
        }
        long[] graphUser = graph.write(tx -> {
            var result = tx.run("""
                    MATCH (u:User {id: $id})
                    OPTIONAL MATCH (u)-[r]-()
                    WITH u, count(r) AS relationships
                    DETACH DELETE u
                    RETURN relationships
                    """, Map.<String, Object>of("id", userId)).list();
            return result.isEmpty() ? new long[] {0, 0} : new long[] {1, result.get(0).get("relationships").asLong()};
        });
        boolean modelRow = served.current().map(model -> model.model().forgetUser(userId)).orElse(false);
        opinions.invalidate(userId);
        LOG.info("Erased the data of user {}: {} feedback events, {} graph relationships, {} looks, {} try-on jobs{}",
                userId, events, graphUser[1], looks.size(), jobs, modelRow ? ", the served model's row" : "");
        return new UserDataErased(userId, events, graphUser[1], graphUser[0] == 1, looks.size(), jobs, modelRow);
    }

    /** Deletes a look's photo file when it lies in the upload folder (imported looks' files are not the user's). */
    private void deletePhoto(String image) {
        if (image == null) {
            return;
        }
        Path file = Path.of(image).toAbsolutePath().normalize();
        if (!file.startsWith(uploadDir)) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Photo {} of an erased user's look not deleted: {}", file, e.getMessage());
        }
    }
}
