package io.stylegraph.graph.imports.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlEntitiesTest {

    @Test
    void shouldDecodeCharacterReferencesAndLeaveOtherAmpersandsAlone() {
        assertEquals("Melissa & Doug", HtmlEntities.decode("Melissa &amp; Doug"));
        assertEquals("Brand® O'Neill", HtmlEntities.decode("Brand&reg; O&#x27;Neill"));
        assertEquals("Levi's", HtmlEntities.decode("Levi&#39;s"));
        assertEquals("Port & Company &unknown;", HtmlEntities.decode("Port & Company &unknown;"));
    }

    @Test
    void shouldKeepAReferenceToNoCharacterAsWritten() {
        assertEquals("a&#0;b", HtmlEntities.decode("a&#0;b"));
        assertEquals("plain", HtmlEntities.decode("plain"));
    }
}
