package io.stylegraph.api.problem;

import java.util.List;

import io.micronaut.http.HttpStatus;

/** Thrown by application code to answer with a problem document; never carries a stack trace to the client. */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final String field;
    private final List<Problem.FieldError> errors;

    public ProblemException(HttpStatus status, String code, String field, String detail) {
        this(status, code, field, detail, null);
    }

    public ProblemException(HttpStatus status, String code, String field, String detail,
                            List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.errors = errors;
    }

    public static ProblemException badRequest(String code, String field, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, field, detail);
    }

    public static ProblemException notFound(String code, String field, String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, code, field, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
