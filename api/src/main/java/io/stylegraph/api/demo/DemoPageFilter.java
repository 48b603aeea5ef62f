package io.stylegraph.api.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The demo page's responses. The page loads nothing but its own files and the API: a strict Content-Security-Policy
 * keeps it that way (no inline scripts or styles, no other origins; images may be blob URLs of photos fetched with
 * the token). {@code /demo} without its slash is redirected, as the page's links are relative to its folder (a route
 * cannot do it: the router matches {@code /demo/} to {@code /demo} as well).
 */
@ServerFilter({"/demo", "/demo/**"})
@Requires(property = DemoPageController.ENABLED, notEquals = "false")
public class DemoPageFilter {
    static final String POLICY = "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @RequestFilter
    @Nullable
    public HttpResponse<?> addTheSlash(HttpRequest<?> request) {
        return request.getPath().equals("/demo") ? HttpResponse.seeOther(DemoPageController.PAGE) : null;
    }

    @ResponseFilter
    public void secure(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
    }
}
