package io.stylegraph.api.analytics;

import io.micronaut.context.annotation.Factory;
import io.stylegraph.graph.analytics.ReadOnlyCypher;
import io.stylegraph.graph.analytics.StyleGraphAnalytics;
import jakarta.inject.Singleton;

/** The graph-model analytics classes as beans, on the analytics connection. */
@Factory
public class AnalyticsFactory {

    @Singleton
    ReadOnlyCypher readOnlyCypher(AnalyticsGraph graph) {
        return new ReadOnlyCypher(graph.graph());
    }

    @Singleton
    StyleGraphAnalytics styleGraphAnalytics(AnalyticsGraph graph, AnalyticsConfiguration config) {
        return new StyleGraphAnalytics(graph.graph(), config.getCypherTimeout());
    }
}
