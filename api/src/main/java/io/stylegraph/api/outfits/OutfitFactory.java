package io.stylegraph.api.outfits;

import io.micronaut.context.annotation.Factory;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.repository.LooksRepository;
import io.stylegraph.graph.repository.PairsWithPublisher;
import jakarta.inject.Singleton;

/** The graph repositories outfit serving reads and writes. */
@Factory
class OutfitFactory {

    @Singleton
    LooksRepository looksRepository(GraphDatabase graph) {
        return new LooksRepository(graph);
    }

    @Singleton
    PairsWithPublisher pairsWithPublisher(GraphDatabase graph) {
        return new PairsWithPublisher(graph);
    }
}
