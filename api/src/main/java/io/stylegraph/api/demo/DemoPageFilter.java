package io.stylegraph.api.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Redirects {@code /demo} to {@code /demo/}, as the page's links are relative to its folder (a route cannot do it: the
 * router matches {@code /demo/} to {@code /demo} as well). The page's strict Content-Security-Policy (no inline
 * scripts or styles, no other origins) comes from the security headers every response carries.
 */
@ServerFilter({"/demo", "/demo/**"})
@Requires(property = DemoPage.ENABLED, notEquals = "false")
public class DemoPageFilter {
    @RequestFilter
    @Nullable
    public HttpResponse<?> addTheSlash(HttpRequest<?> request) {
        return request.getPath().equals("/demo") ? HttpResponse.seeOther(DemoPage.PAGE) : null;
    }
}
