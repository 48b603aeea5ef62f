package io.stylegraph.api.looks;

import io.micronaut.context.annotation.Factory;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.repository.PhotoRepository;
import jakarta.inject.Singleton;

/** Graph-model classes the looks package uses, as beans. */
@Factory
public class LooksFactory {

    @Singleton
    PhotoRepository photoRepository(GraphDatabase graph) {
        return new PhotoRepository(graph);
    }
}
