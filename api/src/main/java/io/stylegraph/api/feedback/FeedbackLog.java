package io.stylegraph.api.feedback;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * The append-only {@code feedback_event} table in PostgreSQL: the system of record for likes and dislikes. Events are
 * never updated except for their projection bookkeeping; a user's current opinion of a target is their newest event.
 */
@Singleton
public class FeedbackLog {
    private static final String COLUMNS =
            "id, user_id, target_type, target_id, signal, client_event_id, occurred_at, projected_at";

    private final JdbcOperations jdbc;

    public FeedbackLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The appended event, or the one already stored under the same client event id (then {@code created} is false). */
    public record Appended(StoredEvent event, boolean created) {
    }

    @Transactional
    public Appended append(String userId, String targetType, String targetId, String signal, String clientEventId,
                           java.time.Instant occurredAt) {
        Optional<Long> inserted = jdbc.prepareStatement("""
                INSERT INTO feedback_event (user_id, target_type, target_id, signal, client_event_id, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id, client_event_id) WHERE client_event_id IS NOT NULL DO NOTHING
                RETURNING id
                """, statement -> {
            statement.setString(1, userId);
            statement.setString(2, targetType);
            statement.setString(3, targetId);
            statement.setString(4, signal);
            statement.setString(5, clientEventId);
            statement.setTimestamp(6, Timestamp.from(occurredAt));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
        if (inserted.isPresent()) {
            return new Appended(new StoredEvent(inserted.get(), userId, targetType, targetId, signal, clientEventId,
                    occurredAt, null), true);
        }
        StoredEvent existing = queryList("SELECT " + COLUMNS + " FROM feedback_event WHERE user_id = ? AND client_event_id = ?",
                statement -> {
                    statement.setString(1, userId);
                    statement.setString(2, clientEventId);
                }).get(0);
        return new Appended(existing, false);
    }

    @ReadOnly
    public Optional<StoredEvent> latest(String userId, String targetType, String targetId) {
        return queryList("SELECT " + COLUMNS + " FROM feedback_event WHERE user_id = ? AND target_type = ? AND target_id = ?"
                + " ORDER BY id DESC LIMIT 1", statement -> {
                    statement.setString(1, userId);
                    statement.setString(2, targetType);
                    statement.setString(3, targetId);
                }).stream().findFirst();
    }

    /** The newest event for a target id of either type, for undo by id alone. */
    @ReadOnly
    public Optional<StoredEvent> latestForTarget(String userId, String targetId) {
        return queryList("SELECT " + COLUMNS + " FROM feedback_event WHERE user_id = ? AND target_id = ?"
                + " ORDER BY id DESC LIMIT 1", statement -> {
                    statement.setString(1, userId);
                    statement.setString(2, targetId);
                }).stream().findFirst();
    }

    /** The user's current likes and dislikes (undone ones left out), newest first. */
    @ReadOnly
    public List<StoredEvent> currentOpinions(String userId, int limit, long offset) {
        return queryList("SELECT " + COLUMNS + " FROM (SELECT DISTINCT ON (target_type, target_id) " + COLUMNS
                + " FROM feedback_event WHERE user_id = ? ORDER BY target_type, target_id, id DESC) newest"
                + " WHERE signal <> 'undo' ORDER BY id DESC LIMIT ? OFFSET ?", statement -> {
                    statement.setString(1, userId);
                    statement.setInt(2, limit);
                    statement.setLong(3, offset);
                });
    }

    @ReadOnly
    public long countCurrentOpinions(String userId) {
        return jdbc.prepareStatement("SELECT count(*) FROM (SELECT DISTINCT ON (target_type, target_id) signal"
                + " FROM feedback_event WHERE user_id = ? ORDER BY target_type, target_id, id DESC) newest"
                + " WHERE signal <> 'undo'", statement -> {
                    statement.setString(1, userId);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    /** Every event of the user, oldest first (a data export). */
    @ReadOnly
    public List<StoredEvent> allEvents(String userId) {
        return queryList("SELECT " + COLUMNS + " FROM feedback_event WHERE user_id = ? ORDER BY id",
                statement -> statement.setString(1, userId));
    }

    /** Deletes every event of the user (an erasure request); returns how many there were. */
    @Transactional
    public int deleteUser(String userId) {
        return jdbc.prepareStatement("DELETE FROM feedback_event WHERE user_id = ?", statement -> {
            statement.setString(1, userId);
            return statement.executeUpdate();
        });
    }

    /** Oldest events not yet projected into the graph. */
    @ReadOnly
    public List<StoredEvent> unprojected(int limit) {
        return queryList("SELECT " + COLUMNS + " FROM feedback_event WHERE projected_at IS NULL ORDER BY id LIMIT ?",
                statement -> statement.setInt(1, limit));
    }

    @ReadOnly
    public long countUnprojected() {
        return jdbc.prepareStatement("SELECT count(*) FROM feedback_event WHERE projected_at IS NULL", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** How far the graph's projection is behind: events not yet projected and when the oldest of them arrived. */
    public record ProjectionBacklog(long events, Instant oldestReceivedAt) {
    }

    @ReadOnly
    public ProjectionBacklog projectionBacklog() {
        return jdbc.prepareStatement("SELECT count(*), min(received_at) FROM feedback_event WHERE projected_at IS NULL",
                statement -> {
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        Timestamp oldest = rs.getTimestamp(2);
                        return new ProjectionBacklog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                    }
                });
    }

    /** Marks every unprojected event of this user and target up to {@code upToId} as projected. */
    @Transactional
    public int markProjected(String userId, String targetType, String targetId, long upToId, String note) {
        return jdbc.prepareStatement("UPDATE feedback_event SET projected_at = now(), last_error = ?"
                + " WHERE user_id = ? AND target_type = ? AND target_id = ? AND id <= ? AND projected_at IS NULL",
                statement -> {
                    statement.setString(1, note);
                    statement.setString(2, userId);
                    statement.setString(3, targetType);
                    statement.setString(4, targetId);
                    statement.setLong(5, upToId);
                    return statement.executeUpdate();
                });
    }

    @Transactional
    public void recordProjectionFailure(long eventId, String error) {
        jdbc.prepareStatement("UPDATE feedback_event SET projection_attempts = projection_attempts + 1, last_error = ?"
                + " WHERE id = ?", statement -> {
                    statement.setString(1, error == null ? null : error.substring(0, Math.min(error.length(), 1000)));
                    statement.setLong(2, eventId);
                    return statement.executeUpdate();
                });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<StoredEvent> queryList(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Timestamp projected = rs.getTimestamp("projected_at");
                    events.add(new StoredEvent(rs.getLong("id"), rs.getString("user_id"), rs.getString("target_type"),
                            rs.getString("target_id"), rs.getString("signal"), rs.getString("client_event_id"),
                            rs.getTimestamp("occurred_at").toInstant(), projected == null ? null : projected.toInstant()));
                }
            }
            return events;
        });
    }
}
