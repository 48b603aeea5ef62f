package io.stylegraph.api.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL runs as its own process, which outlives a service killed with {@code kill -9}. It keeps its
 * data directory locked ({@code postmaster.pid}), so the next start would wait for a server that can never come up.
 * The service records itself as the owner of the data directory ({@value #OWNER_FILE} beside it: process id and start
 * time); a postmaster still running in the directory whose recorded owner is gone is an orphan of a crash, and is
 * stopped (a clean shutdown, then forcibly if it does not end) before the new one starts.
 */
final class StalePostmaster {
    static final String OWNER_FILE = "postgres.owner";
    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration CLEAN_STOP = Duration.ofSeconds(30);

    private StalePostmaster() {
    }

    /**
     * Stops an orphaned postmaster in {@code pgData}, then records this process as the owner.
     *
     * @throws IllegalStateException when a live process other than this one owns the directory
     */
    static void takeOver(Path pgData) throws IOException {
        Path owner = pgData.resolveSibling(OWNER_FILE);
        Optional<ProcessHandle> postmaster = runningPostmaster(pgData);
        if (postmaster.isPresent()) {
            Optional<ProcessHandle> liveOwner = liveOwner(owner);
            if (liveOwner.isPresent() && liveOwner.get().pid() != ProcessHandle.current().pid()) {
                throw new IllegalStateException("PostgreSQL in " + pgData + " belongs to the running process "
                        + liveOwner.get().pid() + "; stop that service first or use another --data-dir");
            }
            stop(postmaster.get(), pgData);
        }
        Files.createDirectories(owner.getParent());
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(owner, self.pid() + "\n" + self.info().startInstant().map(Instant::toString).orElse("") + "\n",
                StandardCharsets.UTF_8);
    }

    /** The process named in {@code postmaster.pid}, when it is alive and is a PostgreSQL server. */
    static Optional<ProcessHandle> runningPostmaster(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres") || c.endsWith("postmaster"))
                            .orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ProcessHandle> liveOwner(Path owner) {
        if (!Files.isRegularFile(owner)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(owner, StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.get(0).trim());
            String started = lines.size() > 1 ? lines.get(1).trim() : "";
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> started.isEmpty()
                    || p.info().startInstant().map(Instant::toString).map(started::equals).orElse(true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void stop(ProcessHandle postmaster, Path pgData) {
        LOG.warn("PostgreSQL (process {}) is still running in {} from a service that stopped without shutting it "
                + "down (killed or crashed); stopping it before starting again", postmaster.pid(), pgData);
        postmaster.destroy();
        if (awaitExit(postmaster, CLEAN_STOP)) {
            LOG.info("The orphaned PostgreSQL stopped cleanly");
            return;
        }
        LOG.warn("The orphaned PostgreSQL did not stop within {} s; killing it", CLEAN_STOP.toSeconds());
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
        if (!awaitExit(postmaster, CLEAN_STOP)) {
            throw new IllegalStateException("Could not stop the orphaned PostgreSQL (process " + postmaster.pid()
                    + ") in " + pgData);
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
