package io.stylegraph.api.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.recommendations.ServedModelHolder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A process that only trains (what {@code ./stylegraph train} starts): its runs register and promote models as any
 * other's, but it loads none of them, neither the one it promotes nor one another process promoted.
 */
@MicronautTest(transactional = false)
@Property(name = "stylegraph.recommendations.load", value = "false")
class TrainOnlyProcessApiTest extends TrainingTestSupport {

    @Inject
    ServedModelHolder served;

    @BeforeAll
    void tasteGroups() {
        resetCatalogue(8);
        likeInTwoTasteGroups();
        catalogue.reload();
    }

    @AfterAll
    void retireTheModel() {
        retireActiveRecommender();
    }

    @Test
    void shouldPromoteItsModelWithoutLoadingIt() throws InterruptedException {
        long version = trainAndServe("trained by a train-only process");

        assertEquals("active", getJson("/v1/models/" + version).get("status"));
        served.followRegistry();
        assertTrue(served.current().isEmpty(), "a train-only process serves no model");
    }
}
