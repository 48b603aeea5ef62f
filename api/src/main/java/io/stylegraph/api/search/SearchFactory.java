package io.stylegraph.api.search;

import io.micronaut.context.annotation.Factory;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.repository.ItemVectorRepository;
import io.stylegraph.models.image.ImageDecoder;
import io.stylegraph.training.retrieval.ItemEmbedder;
import jakarta.inject.Singleton;

/** Graph-model and library classes the search package uses, as beans. */
@Factory
public class SearchFactory {

    @Singleton
    ItemVectorRepository itemVectorRepository(GraphDatabase graph) {
        return new ItemVectorRepository(graph);
    }

    /** Embeds items with the active encoders, reading pictures under {@code stylegraph.models}' image limits. */
    @Singleton
    ItemEmbedder itemEmbedder(ActiveEncoders encoders, ModelConfiguration models) {
        return new ItemEmbedder(encoders, new ImageDecoder(models.imageLimits()));
    }
}
