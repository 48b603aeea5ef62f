package io.stylegraph.api.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.api.recommendations.RecommendationService;
import io.stylegraph.api.recommendations.ServedModel;
import io.stylegraph.api.recommendations.ServedModelHolder;
import io.stylegraph.api.recommendations.UserTaste;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.training.job.AnnScoring;
import io.stylegraph.training.job.ExactScores;
import io.stylegraph.training.job.ServableModel;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recommendations from the served model's item graph (threshold 0: every model gets one): the lists over HTTP are
 * the exact scan's, the graph is saved beside the artifact, and promoting another model serves that model's graph.
 */
@MicronautTest(transactional = false)
@Property(name = "stylegraph.recommendations.ann-threshold", value = "0")
class AnnRecommendationsApiTest extends TrainingTestSupport {
    private static final int K = 6;

    @Inject
    ServedModelHolder served;
    @Inject
    RecommendationService recommendations;

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

    /** The served model once its graph is ready. */
    private ServedModel withGraph(long version) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            ServedModel model = served.current().orElseThrow();
            if (model.version() == version && model.ann().isPresent()) {
                return model;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the item graph of version " + version + " was not attached");
    }

    /** The exact scan's list for the user, with the endpoint's filters: unrated items of the implied gender. */
    private List<String> exactList(ServedModel model, String userId) {
        UserTaste taste = recommendations.taste(userId);
        ServableModel servable = model.model();
        CatalogueSnapshot snapshot = catalogue.snapshot();
        Gender gender = taste.impliedGender();
        int[] rows = ExactScores.of(servable, taste.vector(), taste.likedNewestFirst(),
                        !taste.strategy().startsWith("fold-in"))
                .top(K, row -> {
                    String id = servable.itemId(row);
                    return !taste.rated().containsKey(id) && snapshot.find(id).filter(item -> gender == null
                            || item.item().gender() == gender || item.item().gender() == Gender.UNISEX).isPresent();
                });
        return Arrays.stream(rows).mapToObj(servable::itemId).toList();
    }

    private void assertServedListsAreExact(ServedModel model) {
        for (String user : List.of("shopper-0", "shopper-1", "shopper-6", "shopper-13")) {
            Map<String, Object> page = getJson("/v1/users/" + user + "/recommendations?k=" + K);
            assertEquals(model.version(), ((Number) page.get("modelVersion")).longValue());
            assertEquals(exactList(model, user), field(page, "id"), user);
        }
    }

    @Test
    void shouldServeTheExactListsFromTheItemGraphAndSwapTheGraphWithTheModel() throws InterruptedException {
        long first = trainAndServe("item graph test");
        ServedModel one = withGraph(first);
        AnnScoring graph = one.ann().orElseThrow();
        assertSame(one.model(), graph.model());
        assertTrue(Files.isRegularFile(one.model().artifact().directory().resolve(AnnScoring.FILE)),
                "the graph is saved beside the artifact");
        assertServedListsAreExact(one);

        like("shopper-0", "bottom-2");
        long second = trainAndServe("item graph test, retrained");
        assertNotEquals(first, second);
        ServedModel two = withGraph(second);

        assertNotSame(graph, two.ann().orElseThrow());
        assertSame(two.model(), two.ann().orElseThrow().model());
        assertTrue(Files.isRegularFile(two.model().artifact().directory().resolve(AnnScoring.FILE)));
        assertServedListsAreExact(two);
    }

    @Test
    void shouldHandTheSlotAndGenderPostingListToTheItemGraphAndServeTheExactFilteredLists()
            throws InterruptedException {
        ServedModel model = withGraph(trainAndServe("item graph test, posting lists"));
        ServableModel servable = model.model();
        CatalogueSnapshot snapshot = catalogue.snapshot();
        for (Slot slot : List.of(Slot.TOP, Slot.SHOES)) {
            for (Gender gender : List.of(Gender.WOMEN, Gender.MEN)) {
                int[] expected = java.util.stream.IntStream.range(0, servable.numItems())
                        .filter(row -> snapshot.find(servable.itemId(row)).filter(item -> item.item().slot() == slot
                                && (item.item().gender() == gender || item.item().gender() == Gender.UNISEX))
                                .isPresent())
                        .toArray();
                assertTrue(expected.length > 0, slot + " " + gender);
                assertArrayEquals(expected, model.postingList(snapshot, slot, gender), slot + " " + gender);
            }
            assertEquals(snapshot.indicesInSlot(slot).size(), model.postingList(snapshot, slot, null).length);
        }
        assertNull(model.postingList(snapshot, null, null));

        for (String user : List.of("shopper-0", "shopper-1")) {
            UserTaste taste = recommendations.taste(user);
            Gender gender = taste.impliedGender();
            int[] rows = ExactScores.of(servable, taste.vector(), taste.likedNewestFirst(),
                    !taste.strategy().startsWith("fold-in")).top(K, row -> {
                        String id = servable.itemId(row);
                        return !taste.rated().containsKey(id) && snapshot.find(id).filter(item -> item.item().slot()
                                == Slot.SHOES && (gender == null || item.item().gender() == gender
                                || item.item().gender() == Gender.UNISEX)).isPresent();
                    });
            Map<String, Object> page = getJson("/v1/users/" + user + "/recommendations?k=" + K + "&slot=shoes");
            assertEquals(Arrays.stream(rows).mapToObj(servable::itemId).toList(), field(page, "id"), user);
        }
    }

    private void like(String userId, String itemId) {
        postJson("/v1/users/" + userId + "/feedback", "{\"itemId\": \"" + itemId + "\", \"signal\": \"like\"}");
    }
}
