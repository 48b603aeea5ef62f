package io.stylegraph.api.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every error the framework produces (bad JSON, missing parameters, constraint violations, oversized bodies,
 * unknown routes, refused tokens, unexpected exceptions) into an RFC 7807 problem document with a stable {@code code} and, where one is
 * at fault, the {@code field}. Internal details never reach the client; unexpected failures are logged here.
 */
@Primary
@Singleton
public class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {
    /**
     * Set on a request by the security rules when they refused it for naming a user other than the token's own; the
     * problem then says {@code forbidden-user} with field {@code userId} instead of a bare 403.
     */
    public static final String REFUSED_USER_ATTRIBUTE = "stylegraph.security.refused-user";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponseProcessor.class);

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        Throwable cause = context.getRootCause().orElse(null);
        String code;
        String field = null;
        String detail = context.getErrors().stream().map(Error::getMessage).findFirst().orElse(null);
        List<Problem.FieldError> fieldErrors = null;

        if (cause instanceof AuthorizationException denied) {
            HttpRequest<?> request = context.getRequest();
            Optional<String> refusedUser = request.getAttribute(REFUSED_USER_ATTRIBUTE, String.class);
            if (!denied.isForbidden()) {
                status = HttpStatus.UNAUTHORIZED;
                code = "unauthorized";
                detail = request.getHeaders().getAuthorization().isPresent()
                        ? "The bearer token is invalid or has expired"
                        : "This endpoint needs a bearer token (Authorization: Bearer <JWT>)";
            } else if (refusedUser.isPresent()) {
                status = HttpStatus.FORBIDDEN;
                code = "forbidden-user";
                field = "userId";
                detail = "This token acts for user '" + denied.getAuthentication().getName() + "' only, not for '"
                        + refusedUser.get() + "'";
            } else {
                status = HttpStatus.FORBIDDEN;
                code = "forbidden";
                detail = "The token's roles " + denied.getAuthentication().getRoles() + " do not allow "
                        + request.getMethodName() + " " + request.getPath();
            }
        } else if (cause instanceof ConstraintViolationException violations) {
            fieldErrors = new ArrayList<>();
            for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
                fieldErrors.add(new Problem.FieldError(leafField(violation.getPropertyPath().toString()),
                        violation.getMessage()));
            }
            fieldErrors.sort(java.util.Comparator.comparing(Problem.FieldError::field));
            code = "invalid-field";
            field = fieldErrors.isEmpty() ? null : fieldErrors.get(0).field();
            detail = fieldErrors.isEmpty() ? detail : field + ": " + fieldErrors.get(0).message();
        } else if (cause instanceof UnsatisfiedRouteException unsatisfied) {
            field = unsatisfied.getArgument().getName();
            code = "body".equals(field) || unsatisfied.getArgument().getAnnotationMetadata()
                    .hasAnnotation(io.micronaut.http.annotation.Body.class) ? "missing-body" : "missing-parameter";
            detail = "Required " + ("missing-body".equals(code) ? "request body" : "parameter '" + field + "'")
                    + " is missing";
        } else if (isJsonParseFailure(cause)) {
            code = "malformed-json";
            field = jsonField(cause).orElse(null);
            detail = "Request body is not valid JSON for this endpoint"
                    + (field == null ? "" : " (at '" + field + "')");
        } else if (cause instanceof ConversionErrorException conversion) {
            code = "invalid-value";
            field = conversion.getArgument().getName();
            detail = "Value of '" + field + "' could not be read as " + conversion.getArgument().getType().getSimpleName();
        } else if (cause instanceof ContentLengthExceededException || status == HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
            status = HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            code = "payload-too-large";
            detail = "Request body is larger than this endpoint accepts";
        } else {
            code = switch (status) {
                case NOT_FOUND -> "not-found";
                case METHOD_NOT_ALLOWED -> "method-not-allowed";
                case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
                case NOT_ACCEPTABLE -> "not-acceptable";
                case BAD_REQUEST -> "bad-request";
                case REQUEST_ENTITY_TOO_LARGE -> "payload-too-large";
                case SERVICE_UNAVAILABLE -> "unavailable";
                default -> status.getCode() >= 500 ? "internal-error" : "client-error";
            };
            if (status.getCode() >= 500) {
                LOG.error("Unhandled error on {} {}", context.getRequest().getMethod(), context.getRequest().getPath(),
                        cause);
                detail = "The service failed to handle this request; it has been logged.";
            }
        }
        Problem problem = new Problem(Problem.typeUri(code), status.getReason(), status.getCode(), detail,
                context.getRequest().getPath(), code, field, fieldErrors);
        return base.status(status).contentType(MediaType.of(Problem.MEDIA_TYPE)).body(problem);
    }

    private static boolean isJsonParseFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException || t instanceof SerdeException) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> jsonField(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (var reference : mapping.getPath()) {
                    if (reference.getFieldName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return Optional.of(path.toString());
            }
            if (t instanceof io.micronaut.serde.exceptions.InvalidPropertyFormatException invalid
                    && invalid.getArgument() != null) {
                return Optional.of(invalid.getArgument().getName());
            }
            if (t instanceof SerdeException && t.getMessage() != null) {
                java.util.regex.Matcher property = SERDE_PROPERTY.matcher(t.getMessage());
                if (property.find()) {
                    return Optional.of(property.group(1));
                }
            }
        }
        return Optional.empty();
    }

    /** micronaut-serde names the property it failed on as "[Type name]" in its message. */
    private static final java.util.regex.Pattern SERDE_PROPERTY =
            java.util.regex.Pattern.compile("decoding property \\[(?:[^\\]\\s]+\\s)?(\\w+)\\]");

    /** {@code record.command.itemId} → {@code itemId}: clients know their own field names, not our method names. */
    static String leafField(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        return parts.length <= 2 ? parts[parts.length - 1] : String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }
}
