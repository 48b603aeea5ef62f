package io.stylegraph.models.onnx;

/** A model directory or file is missing, incomplete or unreadable; the message names the file. */
public class ModelFilesException extends RuntimeException {

    public ModelFilesException(String message) {
        super(message);
    }

    public ModelFilesException(String message, Throwable cause) {
        super(message, cause);
    }
}
