package io.stylegraph.api.problem;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An RFC 7807 problem document. {@code code} is a stable machine-readable identifier clients can switch on;
 * {@code field} names the request field at fault when there is one; {@code errors} lists every field problem when
 * several were found at once.
 */
@Serdeable
@Schema(name = "Problem", description = "An RFC 7807 problem document (application/problem+json): switch on `code`; "
        + "`field` names the request field at fault")
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

    /** How the OpenAPI document describes the error responses of the controllers that declare them. */
    public static final String OPENAPI_DESCRIPTION = "A problem document: bad input (400, `field` set), no or a bad "
            + "token (401), another user's data (403), an unknown id (404), a conflict (409), too large (413), "
            + "unprocessable (422), too many requests (429)";

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
