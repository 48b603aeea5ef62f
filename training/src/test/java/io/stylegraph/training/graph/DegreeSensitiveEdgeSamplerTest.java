package io.stylegraph.training.graph;

import io.stylegraph.training.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DegreeSensitiveEdgeSamplerTest {

    /** Users 0..3 all like the popular item 0; user 4 alone likes items 1..4 (niche). */
    private static InteractionMatrix hubAndNiche() {
        InteractionMatrix.Builder b = InteractionMatrix.builder(6, 6);
        for (int u = 0; u < 4; u++) {
            b.add(u, 0);
        }
        for (int i = 1; i <= 4; i++) {
            b.add(4, i);
        }
        b.add(5, 5);
        return b.build();
    }

    @Test
    void shouldKeepTheConfiguredShareOfEdges() {
        DegreeSensitiveEdgeSampler sampler = new DegreeSensitiveEdgeSampler(hubAndNiche(), 0.5);

        int[] kept = sampler.sample(new Random(1));

        assertEquals(4, kept.length); // ⌊0.5·9⌋
        for (int k = 1; k < kept.length; k++) {
            assertTrue(kept[k] > kept[k - 1]);
        }
    }

    /** 3 likes at FREEDOM's keep ratio 0.2 made ⌊0.6⌋ = 0 kept edges, and sampling read past the end of its keys. */
    @Test
    void shouldKeepOneEdgeOfAGraphTooSmallForItsKeepRatio() {
        InteractionMatrix.Builder b = InteractionMatrix.builder(3, 4);
        b.add(0, 0);
        b.add(1, 1);
        b.add(2, 3);
        DegreeSensitiveEdgeSampler sampler = new DegreeSensitiveEdgeSampler(b.build(), 0.2);

        assertEquals(1, sampler.keptEdges());
        assertEquals(1, sampler.sample(new Random(5)).length);
        assertEquals(7, sampler.sampleAdjacency(new Random(5)).numRows());
    }

    @Test
    void shouldPreferEdgesBetweenLowDegreeNodes() {
        InteractionMatrix likes = hubAndNiche();
        DegreeSensitiveEdgeSampler sampler = new DegreeSensitiveEdgeSampler(likes, 0.12); // keeps one edge
        int[] users = likes.rowOfEntries();
        Random random = new Random(7);
        int lonely = 0;
        int hub = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int e = sampler.sample(random)[0];
            if (users[e] == 5) {
                lonely++; // weight 1/√(1·1) = 1
            } else if (users[e] < 4) {
                hub++; // four edges of weight 1/√(1·4) = 0.5 each
            }
        }
        // single draw: P(lonely) = 1 / (1 + 4·0.5 + 4·0.5) = 0.2, P(any hub edge) = 0.4
        assertEquals(0.2, lonely / 3000.0, 0.03);
        assertEquals(0.4, hub / 3000.0, 0.03);
    }

    @Test
    void shouldBeReproducibleForASeed() {
        DegreeSensitiveEdgeSampler sampler = new DegreeSensitiveEdgeSampler(hubAndNiche(), 0.2);

        assertArrayEquals(sampler.sample(new Random(3)), sampler.sample(new Random(3)));
    }
}
