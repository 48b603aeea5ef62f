package io.stylegraph.training.report;

import java.time.Instant;

import io.stylegraph.training.eval.GitRevision;

/**
 * Where a report's figures came from: the command line that made them, the code's git revision and the machine,
 * read once when the run starts (so a checkout that changes during a long run does not relabel it), and when the run
 * started and finished.
 *
 * @param finishedAt null while the run goes on
 */
public record Provenance(String command, String gitRevision, String startedAt, String finishedAt, Machine machine) {

    /** Reads the revision and the machine now, as the run of {@code command} starts. */
    public static Provenance start(String command) {
        return new Provenance(command, GitRevision.current(), Instant.now().toString(), null, Machine.current());
    }

    /** The same run, finished now. */
    public Provenance finish() {
        return new Provenance(command, gitRevision, startedAt, Instant.now().toString(), machine);
    }
}
