package io.stylegraph.api.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.ApiTestSupport;
import io.stylegraph.graph.domain.Signal;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class UserOpinionsTest extends ApiTestSupport {

    @Inject
    UserOpinions opinions;

    @BeforeAll
    void catalogue() {
        resetCatalogue(3);
    }

    @Test
    void shouldServeARepeatedReadFromTheCache() {
        postJson("/v1/users/opinions-eve/feedback", "{\"itemId\": \"top-1\", \"signal\": \"like\"}");

        UserOpinions.Opinions first = opinions.of("opinions-eve");
        assertSame(first, opinions.of("opinions-eve"));
        assertEquals(Map.of("top-1", Signal.LIKE), first.rated());
    }

    @Test
    void shouldSeeFeedbackAcceptedAfterTheViewWasCached() {
        postJson("/v1/users/opinions-fay/feedback", "{\"itemId\": \"top-1\", \"signal\": \"like\"}");
        assertEquals(Map.of("top-1", Signal.LIKE), opinions.of("opinions-fay").rated());

        postJson("/v1/users/opinions-fay/feedback", "{\"itemId\": \"top-1\", \"signal\": \"dislike\"}");
        postJson("/v1/users/opinions-fay/feedback", "{\"itemId\": \"shoes-2\", \"signal\": \"like\"}");

        UserOpinions.Opinions now = opinions.of("opinions-fay");
        assertEquals(Map.of("top-1", Signal.DISLIKE, "shoes-2", Signal.LIKE), now.rated());
        assertEquals("shoes-2", now.logged().keySet().iterator().next(), "the log's opinions come newest first");
    }

    @Test
    void shouldForgetAnUndoneOpinionAtOnce() {
        postJson("/v1/users/opinions-gus/feedback", "{\"itemId\": \"bottom-0\", \"signal\": \"like\"}");
        assertEquals(Map.of("bottom-0", Signal.LIKE), opinions.of("opinions-gus").rated());

        client.toBlocking().exchange(HttpRequest.DELETE("/v1/users/opinions-gus/feedback/bottom-0"), String.class);

        assertFalse(opinions.of("opinions-gus").rated().containsKey("bottom-0"));
    }

    @Test
    void shouldIncludeGraphHistoryThatNeverPassedThroughTheLog() {
        graph.write(tx -> tx.run("MERGE (u:User {id: 'opinions-hal'}) WITH u MATCH (i:Item {id: 'top-2'})"
                + " MERGE (u)-[:LIKED]->(i)").consume());
        opinions.invalidateAll(); // what an import does after writing interactions

        UserOpinions.Opinions hal = opinions.of("opinions-hal");
        assertEquals(Map.of("top-2", Signal.LIKE), hal.rated());
        assertEquals(Map.of(), hal.logged());
    }
}
