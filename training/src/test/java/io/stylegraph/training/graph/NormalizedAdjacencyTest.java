package io.stylegraph.training.graph;

import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.kernel.CsrMatrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalizedAdjacencyTest {

    @Test
    void shouldNormalizeEachEdgeByTheSquareRootOfBothDegrees() {
        // user 0 likes items 0 and 1; user 1 likes item 1
        InteractionMatrix likes = InteractionMatrix.builder(2, 2).add(0, 0).add(0, 1).add(1, 1).build();

        CsrMatrix a = NormalizedAdjacency.of(likes);

        assertEquals(4, a.numRows());
        assertTrue(a.symmetric());
        assertEquals(1 / Math.sqrt(2 * 1), a.get(0, 2), 1e-7); // user 0 (deg 2) – item 0 (deg 1)
        assertEquals(1 / Math.sqrt(2 * 2), a.get(0, 3), 1e-7); // user 0 (deg 2) – item 1 (deg 2)
        assertEquals(1 / Math.sqrt(1 * 2), a.get(1, 3), 1e-7); // user 1 (deg 1) – item 1 (deg 2)
        assertEquals(a.get(0, 3), a.get(3, 0), 0);
        assertEquals(0, a.get(1, 2));
        assertEquals(6, a.nnz());
    }

    @Test
    void shouldAddDislikesAsNegativeEdgesCountedInBothDegrees() {
        InteractionMatrix likes = InteractionMatrix.builder(2, 2).add(0, 0).add(0, 1).add(1, 1).build();
        InteractionMatrix dislikes = InteractionMatrix.builder(2, 2).add(1, 0).build();

        CsrMatrix a = NormalizedAdjacency.signed(likes, dislikes, 0.5);

        assertTrue(a.symmetric());
        assertEquals(8, a.nnz());
        // user 1 now has degree 2 (a like and a dislike), item 0 degree 2 (user 0's like, user 1's dislike)
        assertEquals(-0.5 / Math.sqrt(2 * 2), a.get(1, 2), 1e-7);
        assertEquals(a.get(1, 2), a.get(2, 1), 0);
        assertEquals(1 / Math.sqrt(2 * 2), a.get(0, 2), 1e-7);
        assertEquals(1 / Math.sqrt(2 * 2), a.get(1, 3), 1e-7);
    }

    @Test
    void shouldIgnoreDislikesWhenTheirWeightIsZero() {
        InteractionMatrix likes = InteractionMatrix.builder(2, 2).add(0, 0).add(0, 1).add(1, 1).build();
        InteractionMatrix dislikes = InteractionMatrix.builder(2, 2).add(1, 0).build();

        CsrMatrix signed = NormalizedAdjacency.signed(likes, dislikes, 0);
        CsrMatrix plain = NormalizedAdjacency.of(likes);

        assertEquals(plain.nnz(), signed.nnz());
        assertEquals(plain.get(1, 3), signed.get(1, 3), 0);
    }
}
