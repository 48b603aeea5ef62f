package io.stylegraph.api.infra;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
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

    @Singleton
    GraphImporter graphImporter(GraphDatabase graph) {
        return new GraphImporter(graph);
    }
}
