package io.stylegraph.training.job;

/** A run refused because its snapshot falls short of the {@link TrainingRequirements}; the message says by how much. */
public class InsufficientDataException extends IllegalStateException {
    public InsufficientDataException(String reason) {
        super(reason);
    }
}
