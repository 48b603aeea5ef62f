package io.stylegraph.models.image;

/** An uploaded picture was refused; {@link #reason()} says why in a form the API maps to an HTTP status. */
public class ImageRejectedException extends Exception {

    /** Why a picture was refused, with the HTTP status an API should answer. */
    public enum Reason {
        /** More bytes than allowed: 413. */
        TOO_LARGE("too-large", 413),
        /** Width times height over the limit, read from the header before decoding (decompression bombs): 413. */
        TOO_MANY_PIXELS("too-many-pixels", 413),
        /** Not JPEG, PNG or WebP, or a variant no installed reader decodes: 415. */
        UNSUPPORTED_FORMAT("unsupported-format", 415),
        /** Claims a supported format but cannot be read: 400. */
        CORRUPT("corrupt", 400);

        private final String code;
        private final int httpStatus;

        Reason(String code, int httpStatus) {
            this.code = code;
            this.httpStatus = httpStatus;
        }

        public String code() {
            return code;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Reason reason;

    public ImageRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ImageRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
