package io.stylegraph.api.looks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import io.stylegraph.graph.domain.Gender;
import org.junit.jupiter.api.Test;

class GenderVoteTest {

    @Test
    void shouldHoldTheLookToAGenderWithTwoThirdsOfTheVote() {
        assertEquals(Gender.WOMEN, ShopTheLookService.decisive(Map.of(Gender.WOMEN, 2.0, Gender.MEN, 1.0)));
        assertEquals(Gender.MEN, ShopTheLookService.decisive(Map.of(Gender.MEN, 0.4)));
    }

    @Test
    void shouldImposeNoGenderOnANarrowWinOrNoVote() {
        assertNull(ShopTheLookService.decisive(Map.of(Gender.WOMEN, 1.9, Gender.MEN, 1.1)));
        assertNull(ShopTheLookService.decisive(Map.of(Gender.WOMEN, 1.0, Gender.MEN, 1.0)));
        assertNull(ShopTheLookService.decisive(Map.of()));
        assertNull(ShopTheLookService.decisive(Map.of(Gender.WOMEN, 0.0)));
    }
}
