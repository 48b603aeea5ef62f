package io.stylegraph.models.tryon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StoredPlacementTest {

    @Test
    void shouldKeepABoxAsItsCornersAndReadItBack() {
        Quad box = Quad.box(10, 20, 110, 220.5);

        String json = StoredPlacement.toJson(box);

        assertEquals("{\"box\":[10.0,20.0,110.0,220.5]}", json);
        assertEquals(Placement.box(box), StoredPlacement.fromJson(json));
        assertEquals("box", StoredPlacement.describe(json));
    }

    @Test
    void shouldKeepOnlyTheKeypointsGivenAndReadThemBackInPlace() {
        BodyKeypoints points = new BodyKeypoints(new Point(40, 50), new Point(90, 50), null, null,
                new Point(45, 300), null);

        String json = StoredPlacement.toJson(points);

        assertEquals("{\"keypoints\":{\"leftShoulder\":[40.0,50.0],\"rightShoulder\":[90.0,50.0],"
                + "\"leftAnkle\":[45.0,300.0]}}", json);
        assertEquals(Placement.keypoints(points), StoredPlacement.fromJson(json));
        assertEquals("keypoints", StoredPlacement.describe(json));
    }

    @Test
    void shouldReadNoPlacementAsTheEstimatedOneAndRefuseText() {
        assertSame(Placement.ESTIMATED, StoredPlacement.fromJson(null));
        assertEquals("body-proportions", StoredPlacement.describe(null));
        assertThrows(IllegalArgumentException.class, () -> StoredPlacement.fromJson("{box"));
    }
}
