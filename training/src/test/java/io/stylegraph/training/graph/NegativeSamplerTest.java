package io.stylegraph.training.graph;

import io.stylegraph.training.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NegativeSamplerTest {

    private final InteractionMatrix likes = InteractionMatrix.builder(2, 10).add(0, 0).add(0, 1).add(1, 2).build();
    private final InteractionMatrix dislikes = InteractionMatrix.builder(2, 10).add(0, 7).build();

    @Test
    void shouldNeverDrawALikedItem() {
        NegativeSampler sampler = new NegativeSampler(likes, dislikes, 0.0);
        Random random = new Random(1);
        for (int k = 0; k < 500; k++) {
            int item = sampler.sample(0, random);
            assertFalse(likes.contains(0, item));
        }
    }

    @Test
    void shouldDrawHardNegativesFromDislikesAtTheConfiguredRate() {
        NegativeSampler sampler = new NegativeSampler(likes, dislikes, 0.5);
        Random random = new Random(2);
        int disliked = 0;
        for (int k = 0; k < 4000; k++) {
            disliked += sampler.sample(0, random) == 7 ? 1 : 0;
        }
        // half hard negatives, plus item 7's uniform share (1/8) of the other half
        assertEquals(0.5 + 0.5 / 8, disliked / 4000.0, 0.03);
    }

    @Test
    void shouldFallBackToUniformNegativesForUsersWithoutDislikes() {
        NegativeSampler sampler = new NegativeSampler(likes, dislikes, 1.0);
        Random random = new Random(3);
        boolean sawOther = false;
        for (int k = 0; k < 100; k++) {
            int item = sampler.sample(1, random);
            assertTrue(item != 2);
            sawOther |= item != 7;
        }
        assertTrue(sawOther);
    }
}
