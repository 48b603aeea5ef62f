package io.stylegraph.training.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.stylegraph.models.image.RgbImage;
import io.stylegraph.models.regions.Box;
import org.junit.jupiter.api.Test;

class OffCentreCopyTest {

    @Test
    void shouldWidenTheCanvasRepeatEdgeColumnsAndMoveBoxesWithThePhoto() {
        // 2x1 photo: red, blue
        RgbImage photo = RgbImage.fromPacked(2, 1, 0xFF0000, 0x0000FF);
        OffCentreCopy.Copy copy = OffCentreCopy.of(photo, Map.of("top", List.of(new Box(0, 0, 1, 1))), 3, 7, "p1");

        assertEquals(6, copy.image().width());
        assertEquals(1, copy.image().height());
        Box moved = copy.boxes().get("top").get(0);
        int offset = (int) moved.x0();
        assertEquals(new Box(offset, 0, offset + 1, 1), moved);
        for (int x = 0; x < 6; x++) {
            boolean red = x <= offset;
            assertEquals(red ? 255 : 0, copy.image().sample(x, 0, 0), "column " + x + ", offset " + offset);
            assertEquals(red ? 0 : 255, copy.image().sample(x, 0, 2), "column " + x + ", offset " + offset);
        }
        assertEquals(moved, OffCentreCopy.of(photo, Map.of("top", List.of(new Box(0, 0, 1, 1))), 3, 7, "p1")
                .boxes().get("top").get(0), "seeded by photo id");
    }
}
