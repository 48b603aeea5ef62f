package io.stylegraph.api.search;

import io.micronaut.context.annotation.Factory;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.repository.ItemVectorRepository;
import jakarta.inject.Singleton;

/** Graph-model classes the search package uses, as beans. */
@Factory
public class SearchFactory {

    @Singleton
    ItemVectorRepository itemVectorRepository(GraphDatabase graph) {
        return new ItemVectorRepository(graph);
    }
}
