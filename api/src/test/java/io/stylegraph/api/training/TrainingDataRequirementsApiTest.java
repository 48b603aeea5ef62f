package io.stylegraph.api.training;

import io.stylegraph.api.recommendations.ServedModelHolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 5: {@code POST /v1/training/runs} on a few dozen likes spent 80 s of CPU and crashed; it is now
 * refused at once with 422 {@code insufficient-data} naming the counts and the (configured) minimums, and no run is
 * queued.
 */
@MicronautTest(transactional = false)
@Property(name = "stylegraph.training.requirements.min-users", value = "12")
class TrainingDataRequirementsApiTest extends TrainingTestSupport {
    @Inject
    TrainingRunRepository runs;

    @Inject
    TrainingService training;

    /** Five shoppers with six likes each, sent through the API. */
    @BeforeAll
    void aFewDozenLikes() {
        resetCatalogue(8);
        runs.failUnfinished("cleared by TrainingDataRequirementsApiTest");
        String[] slots = {"top", "bottom", "shoes", "dress"};
        for (int u = 0; u < 5; u++) {
            for (int k = 0; k < 6; k++) {
                String item = slots[(u + k) % 4] + "-" + ((u + k) % 8);
                assertEquals(HttpStatus.ACCEPTED, postJson("/v1/users/few-" + u + "/feedback",
                        "{\"itemId\": \"" + item + "\", \"signal\": \"like\"}").getStatus());
            }
        }
    }

    @Test
    void shouldRefuseToTrainOnTooLittleDataWithTheCountsAndTheMinimums() {
        long before = runs.count();

        Problem refused = expectProblem(HttpRequest.POST("/v1/training/runs", "{}"));

        assertEquals(422, refused.status(), refused.raw());
        assertEquals("insufficient-data", refused.code(), refused.raw());
        String detail = (String) refused.body().get("detail");
        assertTrue(detail.contains("usersWithLikes 5 < 12"), detail);
        assertTrue(detail.contains("likes 30 < 100"), detail);
        assertTrue(detail.contains("validationLikes=5"), detail);
        assertEquals(before, runs.count(), "no run was queued");
        assertTrue(training.shortfall().isPresent());
    }

    @Test
    void shouldStillAnswerConflictFirstWhenARunIsAlreadyQueued() {
        runs.save(TrainingRun.queued(ServedModelHolder.KIND, "api"));
        try {
            Problem busy = expectProblem(HttpRequest.POST("/v1/training/runs", "{}"));
            assertEquals(Map.of("status", 409, "code", "training-already-running"),
                    Map.of("status", busy.status(), "code", busy.code()));
        } finally {
            runs.failUnfinished("cleared by TrainingDataRequirementsApiTest");
        }
    }
}
