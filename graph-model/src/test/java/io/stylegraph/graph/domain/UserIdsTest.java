package io.stylegraph.graph.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserIdsTest {

    @Test
    void shouldAcceptIdsOfLettersDigitsAndTheAllowedMarks() {
        assertTrue(UserIds.valid("demo-user"));
        assertTrue(UserIds.valid("a.b_c:d@e-f"));
        assertTrue(UserIds.valid("x".repeat(128)));
    }

    @Test
    void shouldRefuseEmptyLongAndOtherCharacters() {
        assertFalse(UserIds.valid(null));
        assertFalse(UserIds.valid(""));
        assertFalse(UserIds.valid("x".repeat(129)));
        assertFalse(UserIds.valid("a b"));
        assertFalse(UserIds.valid("a/b"));
        assertFalse(UserIds.valid("a\u0000"));
        assertFalse(UserIds.valid("é"));
    }
}
