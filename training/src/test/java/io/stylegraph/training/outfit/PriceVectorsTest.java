package io.stylegraph.training.outfit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PriceVectorsTest {

    @Test
    void shouldPutEachPricedItemInTheDecileBandOfItsLogPrice(@TempDir Path dir) throws Exception {
        StringBuilder lines = new StringBuilder();
        // twenty priced items at 1, 2, ..., 20 in two outfits, one item with an unknown price, one free
        for (int o = 0; o < 2; o++) {
            lines.append("{\"set_id\":\"").append(o).append("\",\"items\":[");
            for (int i = 1; i <= 10; i++) {
                lines.append(i == 1 ? "" : ",").append("{\"index\":").append(i).append(",\"price\":")
                        .append(o * 10 + i).append('}');
            }
            lines.append(",{\"index\":11,\"price\":null},{\"index\":12,\"price\":0}]}\n");
        }
        Path file = Files.writeString(dir.resolve("outfits.jsonl"), lines);

        ExtraVectors prices = PriceVectors.read(file);

        assertEquals(PriceVectors.FEATURE, prices.feature());
        assertEquals(10, prices.dimension());
        float[] cheapest = new float[10];
        cheapest[0] = 1;
        assertArrayEquals(cheapest, prices.vectorOf("pv-0_1"));
        assertArrayEquals(cheapest, prices.vectorOf("pv-0_2")); // prices 1 and 2: the lowest tenth of twenty
        float[] third = new float[10];
        third[2] = 1;
        assertArrayEquals(third, prices.vectorOf("pv-0_5"));
        float[] dearest = new float[10];
        dearest[9] = 1;
        assertArrayEquals(dearest, prices.vectorOf("pv-1_10"));
        assertNull(prices.vectorOf("pv-0_11"), "unknown price");
        assertNull(prices.vectorOf("pv-0_12"), "a price of 0 is no price");
    }
}
