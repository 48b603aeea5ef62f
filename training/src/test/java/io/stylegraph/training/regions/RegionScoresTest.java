package io.stylegraph.training.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.stylegraph.models.regions.Box;
import io.stylegraph.models.regions.GarmentRegion;
import io.stylegraph.models.regions.RegionSource;
import org.junit.jupiter.api.Test;

class RegionScoresTest {

    private static GarmentRegion region(String slot, Box box) {
        return new GarmentRegion(slot, box, 0.5, RegionSource.BODY_PROPORTIONS);
    }

    @Test
    void shouldAverageIouPerSlotCountingMissedSlotsAsZero() {
        RegionScores scores = new RegionScores();
        // photo 1: top IoU 1, shoes IoU 50/150 = 1/3 (half overlap), dress not given
        scores.add(Map.of("top", List.of(new Box(0, 0, 10, 10)), "shoes", List.of(new Box(0, 0, 10, 10)),
                        "dress", List.of(new Box(0, 0, 10, 20))),
                List.of(region("top", new Box(0, 0, 10, 10)), region("shoes", new Box(5, 0, 15, 10))));
        // photo 2: top IoU 25/100 (a quarter inside), shoes IoU 0 (apart)
        scores.add(Map.of("top", List.of(new Box(0, 0, 10, 10)), "shoes", List.of(new Box(0, 0, 10, 10))),
                List.of(region("top", new Box(0, 0, 5, 5)), region("shoes", new Box(20, 20, 30, 30))));

        SlotScore top = scores.bySlot().get("top");
        assertEquals(2, top.boxes());
        assertEquals(2, top.predicted());
        assertEquals((1 + 0.25) / 2, top.meanIou(), 1e-12);
        assertEquals(0.5, top.recallAt50(), 1e-12);

        SlotScore shoes = scores.bySlot().get("shoes");
        assertEquals((1.0 / 3 + 0) / 2, shoes.meanIou(), 1e-12);
        assertEquals(0, shoes.recallAt50(), 1e-12);

        SlotScore dress = scores.bySlot().get("dress");
        assertEquals(1, dress.boxes());
        assertEquals(0, dress.predicted());
        assertEquals(0, dress.meanIou(), 1e-12);
        assertTrue(Double.isNaN(dress.meanIouWhenPredicted()));

        assertEquals(5, scores.overall().boxes());
        assertEquals((1 + 1.0 / 3 + 0 + 0.25 + 0) / 5, scores.overall().meanIou(), 1e-12);
        assertEquals((1 + 1.0 / 3 + 0.25 + 0) / 4, scores.over(List.of("top", "shoes")).meanIou(), 1e-12);
        assertEquals(0.25, scores.over(List.of("top", "shoes")).recallAt50(), 1e-12);
    }

    @Test
    void shouldJudgeASlotByTheSourcesFirstRegionOfIt() {
        RegionScores scores = new RegionScores();
        scores.add(Map.of("bag", List.of(new Box(0, 0, 10, 10))),
                List.of(region("bag", new Box(50, 50, 60, 60)), region("bag", new Box(0, 0, 10, 10))));

        assertEquals(0, scores.bySlot().get("bag").meanIou(), 1e-12, "a better second region does not count");
    }
}
