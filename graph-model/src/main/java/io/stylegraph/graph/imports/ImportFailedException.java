package io.stylegraph.graph.imports;

/**
 * A batch could not be written. Batches are transactional, so the graph holds every batch before this one and nothing
 * of this one; imports are idempotent, so running the import again after fixing the cause completes it.
 */
public class ImportFailedException extends RuntimeException {
    public ImportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
