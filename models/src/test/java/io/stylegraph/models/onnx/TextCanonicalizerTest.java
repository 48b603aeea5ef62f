package io.stylegraph.models.onnx;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextCanonicalizerTest {

    private final TextCanonicalizer canonicalizer = new TextCanonicalizer();

    @Test
    void shouldLowerCaseDropPunctuationAndCollapseSpaces() {
        assertEquals("womens tshirt in red 100 cotton", canonicalizer.canonicalize("  Women's T-Shirt,\tin RED (100% cotton)! "));
    }

    @Test
    void shouldTurnUnderscoresIntoSpaces() {
        assertEquals("slim fit jeans", canonicalizer.canonicalize("slim_fit__jeans"));
    }

    @Test
    void shouldUnescapeHtmlEntitiesTwiceBeforeDroppingPunctuation() {
        assertEquals("black white dress", canonicalizer.canonicalize("black &amp;amp; white&nbsp;dress"));
        assertEquals("café", canonicalizer.canonicalize("Caf&#233;"));
    }

    @Test
    void shouldKeepNonAsciiLetters() {
        assertEquals("robe d’été", canonicalizer.canonicalize("Robe d’Été"));
    }
}
