package io.stylegraph.api.problem;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * A 413 is answered before the body has been read, and the service never reads the rest of it. A client that sends
 * its whole body before reading the answer (most HTTP libraries do) would then block on a full connection until its own
 * timeout. {@code Connection: close} makes the server close the connection once the 413 is written, so such a client
 * fails its write at once and finds the 413 waiting.
 */
@ServerFilter("/**")
public class CloseAfterTooLargeFilter {

    @ResponseFilter
    public void closeAfterTooLarge(MutableHttpResponse<?> response) {
        if (response.code() == HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode()) {
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
    }
}
