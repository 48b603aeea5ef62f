package io.stylegraph.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Signal;
import org.junit.jupiter.api.Test;

class ImpliedGenderTest {

    private final Map<String, Gender> genders = new HashMap<>();
    private final Map<String, Signal> rated = new HashMap<>();

    private void rate(String id, Gender gender, Signal signal) {
        genders.put(id, gender);
        rated.put(id, signal);
    }

    private Gender implied() {
        return ImpliedGender.of(rated, genders::get);
    }

    @Test
    void shouldImplyTheGenderOfAtLeastSeventyPercentOfTheGenderedLikes() {
        for (int i = 0; i < 7; i++) {
            rate("w" + i, Gender.WOMEN, Signal.LIKE);
        }
        for (int i = 0; i < 3; i++) {
            rate("m" + i, Gender.MEN, Signal.LIKE);
        }
        assertEquals(Gender.WOMEN, implied(), "7 of 10 is exactly the threshold");

        rate("m3", Gender.MEN, Signal.LIKE);
        assertNull(implied(), "7 of 11 is below it");
    }

    @Test
    void shouldCountOnlyLikesOfItemsWithANonUnisexGender() {
        rate("w0", Gender.WOMEN, Signal.LIKE);
        rate("u0", Gender.UNISEX, Signal.LIKE);
        rate("u1", Gender.UNISEX, Signal.LIKE);
        rate("m0", Gender.MEN, Signal.DISLIKE);
        rate("m1", Gender.MEN, Signal.DISLIKE);
        rate("gone", null, Signal.LIKE);
        assertNull(implied(), "one gendered like is too few");

        rate("w1", Gender.WOMEN, Signal.LIKE);
        assertEquals(Gender.WOMEN, implied());
    }

    @Test
    void shouldImplyNoneWithoutLikes() {
        assertNull(implied());
    }
}
