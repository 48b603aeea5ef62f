package io.stylegraph.api.outfits;

import java.util.HashMap;
import java.util.Map;

import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.api.search.ActiveEncoders;
import io.stylegraph.api.search.SearchConfiguration;
import io.stylegraph.api.search.SearchIndexes;
import io.stylegraph.graph.repository.LooksRepository;
import io.stylegraph.graph.repository.PairsWithPublisher;
import jakarta.inject.Inject;

/**
 * Base of the tests that run an {@link OutfitModelLifecycle} of their own over the test's stores: the service's own
 * lifecycle has no model and trains none, so only the test's lifecycle writes PAIRS_WITH edges.
 */
abstract class LifecycleTestSupport extends ApiTestSupport {

    @Inject
    ActiveEncoders encoders;

    @Inject
    LooksRepository looks;

    @Inject
    SearchIndexes searchIndexes;

    @Inject
    SearchConfiguration searchConfig;

    @Inject
    OutfitVersions versions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("stylegraph.outfits.model-file", "/nonexistent/outfits.sgoutfit");
        properties.put("stylegraph.outfits.train-on-start", "false");
        return properties;
    }

    /** A lifecycle serving the model file, without title cache or training. */
    OutfitModelLifecycle lifecycle(String modelFile, int pairsPerItem) {
        OutfitConfiguration config = new OutfitConfiguration();
        config.setModelFile(modelFile);
        config.setTrainOnStart(false);
        config.setTitleVectorCache("");
        config.setPairsPerItem(pairsPerItem);
        return new OutfitModelLifecycle(config, catalogue, encoders,
                new PairsWithWriter(new PairsWithPublisher(graph)), looks, versions, searchIndexes, searchConfig, null);
    }

    long pairsWithEdges() {
        return count("MATCH (:Item)-[p:PAIRS_WITH]->(:Item) RETURN count(p)", Map.of());
    }
}
