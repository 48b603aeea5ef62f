package io.stylegraph.models.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LengthBatchesTest {

    private static long[][] lengths(int... lengths) {
        long[][] ids = new long[lengths.length][];
        for (int i = 0; i < lengths.length; i++) {
            ids[i] = new long[lengths[i]];
            for (int t = 0; t < lengths[i]; t++) {
                ids[i][t] = 100 + t;
            }
        }
        return ids;
    }

    @Test
    void shouldRunTheShortestTextsFirstInRunsOfAtMostTheBatchSize() {
        List<int[]> runs = LengthBatches.of(lengths(5, 5, 4, 5, 5), 2, 1.2);

        assertEquals(3, runs.size());
        assertArrayEquals(new int[] {2, 0}, runs.get(0));
        assertArrayEquals(new int[] {1, 3}, runs.get(1));
        assertArrayEquals(new int[] {4}, runs.get(2));
    }

    @Test
    void shouldEndARunBeforeATextThatWouldPadItBeyondTheAllowance() {
        // 10 + 10 real tokens padded to 10 each: fine; a 30-token text would pad three rows to 90 for 50 real
        List<int[]> runs = LengthBatches.of(lengths(30, 10, 10), 8, 1.2);

        assertEquals(2, runs.size());
        assertArrayEquals(new int[] {1, 2}, runs.get(0));
        assertArrayEquals(new int[] {0}, runs.get(1));
    }

    @Test
    void shouldPadEachRowWithZerosAndMaskOnlyItsOwnTokens() {
        long[][] ids = {{7, 8, 9}, {5}};

        long[][] padded = LengthBatches.padded(ids, new int[] {1, 0}, 3);

        assertArrayEquals(new long[] {5, 0, 0, 7, 8, 9}, padded[0]);
        assertArrayEquals(new long[] {1, 0, 0, 1, 1, 1}, padded[1]);
    }
}
