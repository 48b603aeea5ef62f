package io.stylegraph.api.problem;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 7807 problem document. {@code code} is a stable machine-readable identifier clients can switch on;
 * {@code field} names the request field at fault when there is one; {@code errors} lists every field problem when
 * several were found at once.
 */
@Serdeable
public record Problem(
        String type,
        String title,
        int status,
        @Nullable String detail,
        @Nullable String instance,
        String code,
        @Nullable String field,
        @Nullable List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Details quote request values; long ones are cut (see {@link Echo}). */
    public Problem {
        detail = Echo.shorten(detail);
        field = field == null ? null : Echo.shorten(field);
    }

    public static String typeUri(String code) {
        return "urn:stylegraph:problem:" + code;
    }

    @Serdeable
    public record FieldError(String field, String message) {
        public FieldError {
            message = Echo.shorten(message);
        }
    }
}
