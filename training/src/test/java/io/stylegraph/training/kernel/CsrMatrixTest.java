package io.stylegraph.training.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class CsrMatrixTest {

    private static CsrMatrix rectangle() {
        // [[0, 2, 0], [1, 0, 3]]
        return CsrMatrix.fromTriplets(2, 3, new int[] {0, 1, 1}, new int[] {1, 0, 2}, new float[] {2, 1, 3}, 3,
                false);
    }

    @Test
    void shouldTransposeEntries() {
        CsrMatrix t = rectangle().transpose();

        assertEquals(3, t.numRows());
        assertEquals(2, t.numColumns());
        assertEquals(2, t.get(1, 0));
        assertEquals(1, t.get(0, 1));
        assertEquals(3, t.get(2, 1));
        assertEquals(0, t.get(0, 0));
    }

    @Test
    void shouldReuseASymmetricMatrixAsItsOwnTranspose() {
        CsrMatrix s = CsrMatrix.fromTriplets(2, 2, new int[] {0, 1}, new int[] {1, 0}, new float[] {5, 5}, 2, true);

        assertSame(s, s.transpose());
    }

    @Test
    void shouldEmbedASmallMatrixAtAnOffset() {
        CsrMatrix square = CsrMatrix.fromTriplets(2, 2, new int[] {0, 1}, new int[] {1, 1}, new float[] {4, 6}, 2,
                false);

        CsrMatrix big = square.embedAt(3, 5);

        assertEquals(5, big.numRows());
        assertEquals(4, big.get(3, 4));
        assertEquals(6, big.get(4, 4));
        assertEquals(0, big.rowStart()[3]);
        assertEquals(2, big.nnz());
    }
}
