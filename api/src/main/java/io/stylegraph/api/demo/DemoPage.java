package io.stylegraph.api.demo;

import java.net.URI;

/** Where the demo page lives and the property that turns it off; shared by its controller and its filter. */
final class DemoPage {
    static final String ENABLED = "micronaut.router.static-resources.demo.enabled";
    static final URI PAGE = URI.create("/demo/");

    private DemoPage() {
    }
}
