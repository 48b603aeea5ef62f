package io.stylegraph.api.tryon;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * The {@code tryon_job} and {@code tryon_image} tables. Every state change after the claim names the worker holding
 * the lease, so a cancelled, deleted or re-claimed job is never overwritten by a worker that lost it.
 */
@Singleton
public class TryOnStore {
    private static final String COLUMNS = "id, user_id, item_id, garment_image, garment_kind, placement, engine, status,"
            + " attempts, attempt_log, error_code, error, created_at, started_at, finished_at, render_ms";
    private static final int MESSAGE_CHARS = 1000;

    private final JdbcOperations jdbc;

    public TryOnStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored picture: bytes and media type. */
    public record StoredImage(byte[] bytes, String mediaType) {
    }

    /** What a submission stores before it is queued. */
    public record NewJob(String id, String userId, String itemId, String garmentImage, String garmentKind,
                         String placement, String engine) {
    }

    @Transactional
    public void insert(NewJob job, StoredImage person) {
        jdbc.prepareStatement("INSERT INTO tryon_job (id, user_id, item_id, garment_image, garment_kind, placement,"
                + " engine, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued')", statement -> {
                    statement.setString(1, job.id());
                    statement.setString(2, job.userId());
                    statement.setString(3, job.itemId());
                    statement.setString(4, job.garmentImage());
                    statement.setString(5, job.garmentKind());
                    statement.setString(6, job.placement());
                    statement.setString(7, job.engine());
                    return statement.executeUpdate();
                });
        putImage(job.id(), "person", person);
    }

    /**
     * Takes the oldest job that is due (queued and past its retry wait, or running under a lease that ran out) for
     * {@code owner}, counting an attempt; empty when there is none. Concurrent claimers skip each other's rows.
     */
    @Transactional
    public Optional<TryOnJob> claim(String owner, Duration lease) {
        return queryList("UPDATE tryon_job SET status = 'running', lease_owner = ?,"
                + " lease_until = now() + make_interval(secs => ?), attempts = attempts + 1,"
                + " started_at = coalesce(started_at, now())"
                + " WHERE id = (SELECT id FROM tryon_job WHERE (status = 'queued' AND next_attempt_at <= now())"
                + " OR (status = 'running' AND lease_until < now()) ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
                + " RETURNING " + COLUMNS, statement -> {
                    statement.setString(1, owner);
                    statement.setDouble(2, lease.toMillis() / 1000.0);
                }).stream().findFirst();
    }

    /** Jobs waiting for a worker and jobs being rendered: the queue's depth, across replicas. */
    public record QueueDepth(long queued, long running) {
    }

    @ReadOnly
    public QueueDepth queueDepth() {
        return jdbc.prepareStatement("SELECT count(*) FILTER (WHERE status = 'queued'),"
                + " count(*) FILTER (WHERE status = 'running') FROM tryon_job WHERE status IN ('queued', 'running')",
                statement -> {
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return new QueueDepth(rs.getLong(1), rs.getLong(2));
                    }
                });
    }

    /** Puts jobs whose worker's lease ran out back in the queue (a previous process stopped while running them). */
    @Transactional
    public int requeueExpired() {
        return jdbc.prepareStatement("UPDATE tryon_job SET status = 'queued', lease_owner = NULL, lease_until = NULL,"
                + " next_attempt_at = now() WHERE status = 'running' AND lease_until < now()",
                PreparedStatement::executeUpdate);
    }

    /** Stores the result and marks the job done; false (nothing stored) when the worker no longer holds the job. */
    @Transactional
    public boolean complete(String id, String owner, StoredImage result, long renderMs) {
        int updated = jdbc.prepareStatement("UPDATE tryon_job SET status = 'done', finished_at = now(), render_ms = ?,"
                + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = 'running' AND lease_owner = ?",
                statement -> {
                    statement.setLong(1, renderMs);
                    statement.setString(2, id);
                    statement.setString(3, owner);
                    return statement.executeUpdate();
                });
        if (updated == 0) {
            return false;
        }
        putImage(id, "result", result);
        return true;
    }

    /** Queues the job again after {@code wait}, recording the failed attempt. */
    @Transactional
    public boolean retryLater(String id, String owner, String code, String message, Duration wait) {
        return jdbc.prepareStatement("UPDATE tryon_job SET status = 'queued', lease_owner = NULL, lease_until = NULL,"
                + " next_attempt_at = now() + make_interval(secs => ?), error_code = ?, error = ?,"
                + " attempt_log = coalesce(attempt_log || E'\\n', '') || ?"
                + " WHERE id = ? AND status = 'running' AND lease_owner = ?", statement -> {
                    statement.setDouble(1, wait.toMillis() / 1000.0);
                    statement.setString(2, code);
                    statement.setString(3, shorten(message));
                    statement.setString(4, shorten(code + ": " + message));
                    statement.setString(5, id);
                    statement.setString(6, owner);
                    return statement.executeUpdate() == 1;
                });
    }

    @Transactional
    public boolean fail(String id, String owner, String code, String message) {
        return jdbc.prepareStatement("UPDATE tryon_job SET status = 'failed', finished_at = now(), lease_owner = NULL,"
                + " lease_until = NULL, error_code = ?, error = ?, attempt_log = coalesce(attempt_log || E'\\n', '') || ?"
                + " WHERE id = ? AND status = 'running' AND lease_owner = ?", statement -> {
                    statement.setString(1, code);
                    statement.setString(2, shorten(message));
                    statement.setString(3, shorten(code + ": " + message));
                    statement.setString(4, id);
                    statement.setString(5, owner);
                    return statement.executeUpdate() == 1;
                });
    }

    /** Hands a job back untouched (this process is stopping): queued again at once, the attempt not counted. */
    @Transactional
    public void release(String id, String owner) {
        jdbc.prepareStatement("UPDATE tryon_job SET status = 'queued', lease_owner = NULL, lease_until = NULL,"
                + " attempts = greatest(0, attempts - 1), next_attempt_at = now()"
                + " WHERE id = ? AND status = 'running' AND lease_owner = ?", statement -> {
                    statement.setString(1, id);
                    statement.setString(2, owner);
                    return statement.executeUpdate();
                });
    }

    /** Cancels a queued or running job and deletes its person photo; false when it was not queued or running. */
    @Transactional
    public boolean cancel(String id) {
        int updated = jdbc.prepareStatement("UPDATE tryon_job SET status = 'cancelled', finished_at = now(),"
                + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND status IN ('queued', 'running')",
                statement -> {
                    statement.setString(1, id);
                    return statement.executeUpdate();
                });
        if (updated == 1) {
            jdbc.prepareStatement("DELETE FROM tryon_image WHERE job_id = ?", statement -> {
                statement.setString(1, id);
                return statement.executeUpdate();
            });
        }
        return updated == 1;
    }

    @ReadOnly
    public Optional<TryOnJob> find(String id) {
        return queryList("SELECT " + COLUMNS + " FROM tryon_job WHERE id = ?", statement -> statement.setString(1, id))
                .stream().findFirst();
    }

    @ReadOnly
    public Optional<StoredImage> image(String id, String kind) {
        return jdbc.prepareStatement("SELECT bytes, media_type FROM tryon_image WHERE job_id = ? AND kind = ?",
                statement -> {
                    statement.setString(1, id);
                    statement.setString(2, kind);
                    try (ResultSet rs = statement.executeQuery()) {
                        return rs.next() ? Optional.of(new StoredImage(rs.getBytes(1), rs.getString(2)))
                                : Optional.<StoredImage>empty();
                    }
                });
    }

    /** Every job of a user, oldest first. */
    @ReadOnly
    public List<TryOnJob> findByUser(String userId) {
        return queryList("SELECT " + COLUMNS + " FROM tryon_job WHERE user_id = ? ORDER BY created_at, id",
                statement -> statement.setString(1, userId));
    }

    /** Deletes every job of a user with its pictures; returns the deleted job ids. */
    @Transactional
    public List<String> deleteUser(String userId) {
        return deleteReturningIds("DELETE FROM tryon_job WHERE user_id = ? RETURNING id",
                statement -> statement.setString(1, userId));
    }

    /** Deletes every job submitted before {@code cutoff} with its pictures; returns the deleted job ids. */
    @Transactional
    public List<String> deleteCreatedBefore(Instant cutoff) {
        return deleteReturningIds("DELETE FROM tryon_job WHERE created_at < ? RETURNING id",
                statement -> statement.setTimestamp(1, Timestamp.from(cutoff)));
    }

    private void putImage(String id, String kind, StoredImage image) {
        jdbc.prepareStatement("INSERT INTO tryon_image (job_id, kind, media_type, bytes) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (job_id, kind) DO UPDATE SET media_type = excluded.media_type, bytes = excluded.bytes",
                statement -> {
                    statement.setString(1, id);
                    statement.setString(2, kind);
                    statement.setString(3, image.mediaType());
                    statement.setBytes(4, image.bytes());
                    return statement.executeUpdate();
                });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<String> deleteReturningIds(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    private List<TryOnJob> queryList(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            List<TryOnJob> jobs = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Long render = rs.getObject("render_ms") == null ? null : rs.getLong("render_ms");
                    jobs.add(new TryOnJob(rs.getString("id"), rs.getString("user_id"), rs.getString("item_id"),
                            rs.getString("garment_image"), rs.getString("garment_kind"), rs.getString("placement"),
                            rs.getString("engine"), rs.getString("status"), rs.getInt("attempts"),
                            rs.getString("attempt_log"), rs.getString("error_code"), rs.getString("error"),
                            instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                            render));
                }
            }
            return jobs;
        });
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static String shorten(String text) {
        return text == null || text.length() <= MESSAGE_CHARS ? text : text.substring(0, MESSAGE_CHARS);
    }
}
