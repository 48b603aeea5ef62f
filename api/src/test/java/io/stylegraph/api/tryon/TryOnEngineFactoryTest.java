package io.stylegraph.api.tryon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

class TryOnEngineFactoryTest {
    private final TryOnEngineFactory factory = new TryOnEngineFactory();

    @Test
    void shouldBuildTheConfiguredEngine() {
        TryOnConfiguration config = new TryOnConfiguration();
        assertEquals("warp", factory.tryOnEngine(config).name());
        config.setEngine("gemini");
        config.setGeminiApiKey("key");
        assertEquals("gemini", factory.tryOnEngine(config).name());
    }

    @Test
    void shouldRefuseAHostedEngineWithoutItsKey() {
        TryOnConfiguration config = new TryOnConfiguration();
        config.setEngine("fashn");
        config.setFashnApiKey("");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> factory.tryOnEngine(config));
        assertTrue(e.getMessage().contains("stylegraph.tryon.fashn-api-key"), e.getMessage());
    }

    @Test
    void shouldRefuseAnUnknownEngine() {
        TryOnConfiguration config = new TryOnConfiguration();
        config.setEngine("magic");
        assertThrows(ConfigurationException.class, () -> factory.tryOnEngine(config));
    }
}
