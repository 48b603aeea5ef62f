package io.stylegraph.models;

/** An encoder could not run its model (native runtime failure, unexpected model output). */
public class EncoderException extends RuntimeException {

    public EncoderException(String message) {
        super(message);
    }

    public EncoderException(String message, Throwable cause) {
        super(message, cause);
    }
}
