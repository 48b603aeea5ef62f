package io.stylegraph.api.problem;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * JSON commands are small; the server-wide request limit is sized for image uploads. This refuses JSON bodies over
 * {@code stylegraph.limits.json-body-bytes} before they are read.
 */
@ServerFilter("/v1/**")
public class JsonBodyLimitFilter {
    private final long maxJsonBytes;

    public JsonBodyLimitFilter(@Value("${stylegraph.limits.json-body-bytes:65536}") long maxJsonBytes) {
        this.maxJsonBytes = maxJsonBytes;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<Problem> refuseOversizedJson(HttpRequest<?> request) {
        boolean json = request.getContentType().map(type -> type.getSubtype().endsWith("json")).orElse(false);
        long length = request.getContentLength();
        if (json && length > maxJsonBytes) {
            Problem problem = new Problem(Problem.typeUri("payload-too-large"), HttpStatus.REQUEST_ENTITY_TOO_LARGE.getReason(),
                    413, "JSON body of " + length + " bytes exceeds the limit of " + maxJsonBytes + " bytes",
                    request.getPath(), "payload-too-large", "body", null);
            return HttpResponse.<Problem>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .contentType(MediaType.of(Problem.MEDIA_TYPE)).body(problem);
        }
        return null;
    }
}
