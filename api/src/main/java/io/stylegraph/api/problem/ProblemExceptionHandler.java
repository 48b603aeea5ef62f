package io.stylegraph.api.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Produces
@Singleton
@Requires(classes = {ProblemException.class, ExceptionHandler.class})
public class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException e) {
        Problem problem = new Problem(Problem.typeUri(e.code()), e.status().getReason(), e.status().getCode(),
                e.getMessage(), request.getPath(), e.code(), e.field(), e.errors());
        return HttpResponse.<Problem>status(e.status())
                .contentType(MediaType.of(Problem.MEDIA_TYPE))
                .body(problem);
    }
}
