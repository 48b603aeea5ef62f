package io.stylegraph.api.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.graph.repository.CatalogueRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The periodic refresh reads a changed catalogue, but not while an import in this process is still writing it. */
@MicronautTest(transactional = false)
class CatalogueRefreshTest extends ApiTestSupport {
    @Inject
    CatalogueRepository repository;

    @Test
    void shouldLeaveTheCatalogueAloneWhileAnImportRunsAndReadItAfterwards() {
        resetCatalogue(2);
        catalogue.reload();
        int before = catalogue.snapshot().size();
        graph.run("CREATE (:Item {id: 'refresh-new', title: 'Late arrival', slot: 'top'})", Map.of());

        try (CatalogueCache.Importing ignored = catalogue.importing()) {
            catalogue.refreshPeriodically();
            assertEquals(before, catalogue.snapshot().size(), "half an import is not read");
        }
        catalogue.refreshPeriodically();

        assertEquals(before + 1, catalogue.snapshot().size());
        assertEquals("Late arrival", catalogue.find("refresh-new").orElseThrow().item().title());
    }

    @Test
    void shouldKeepNoCatalogueInAProcessThatServesNoRequests() {
        resetCatalogue(2);
        CatalogueCache forTraining = new CatalogueCache(repository, false);

        forTraining.refreshPeriodically();

        assertFalse(forTraining.enabled());
        assertFalse(forTraining.snapshot().isLoaded(), "the refresh does not load it either");
        assertTrue(catalogue.enabled(), "the service's own cache");
    }
}
