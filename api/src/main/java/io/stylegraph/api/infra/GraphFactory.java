package io.stylegraph.api.infra;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.stylegraph.graph.imports.GraphImporter;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.repository.CatalogueRepository;
import io.stylegraph.graph.repository.FeedbackProjection;
import jakarta.inject.Singleton;

/** The graph-model module knows nothing of Micronaut; its classes become beans here. */
@Factory
public class GraphFactory {

    @Singleton
    @Bean(preDestroy = "close")
    GraphDatabase graphDatabase(GraphConfiguration config) {
        return GraphDatabase.connect(config.getUri(), config.getUsername(), config.getPassword(), config.getDatabase());
    }

    @Singleton
    CatalogueRepository catalogueRepository(GraphDatabase graph) {
        return new CatalogueRepository(graph);
    }

    @Singleton
    FeedbackProjection feedbackProjection(GraphDatabase graph) {
        return new FeedbackProjection(graph);
    }

    /**
     * Imports write through the embedded store's Java API when the store runs in this process ({@link InProcessGraph},
     * registered by {@code serve}), else Cypher over Bolt: both leave the same graph, the first about three to four
     * times faster (docs/scaling.md).
     */
    @Singleton
    GraphImporter graphImporter(GraphDatabase graph, @Nullable InProcessGraph inProcess) {
        return inProcess == null ? new GraphImporter(graph)
                : GraphImporter.embedded(inProcess.database());
    }
}
