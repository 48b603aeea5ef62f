package io.stylegraph.api.tryon;

import java.net.URI;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import io.stylegraph.models.tryon.FashnTryOnEngine;
import io.stylegraph.models.tryon.GeminiTryOnEngine;
import io.stylegraph.models.tryon.HostedSettings;
import io.stylegraph.models.tryon.TryOnEngine;
import io.stylegraph.models.tryon.WarpTryOnEngine;

/**
 * The engine {@code stylegraph.tryon.engine} names. Created with the context, so a misspelt engine or a hosted one
 * without its key stops the service at start-up instead of failing every job.
 */
@Factory
public class TryOnEngineFactory {

    @Context
    TryOnEngine tryOnEngine(TryOnConfiguration config) {
        String engine = config.getEngine() == null ? "warp" : config.getEngine().strip();
        return switch (engine) {
            case WarpTryOnEngine.NAME -> new WarpTryOnEngine();
            case FashnTryOnEngine.NAME -> new FashnTryOnEngine(hosted(config.getFashnBaseUrl(),
                    config.getFashnApiKey(), config.getFashnModel(), config, "fashn-api-key"));
            case GeminiTryOnEngine.NAME -> new GeminiTryOnEngine(hosted(config.getGeminiBaseUrl(),
                    config.getGeminiApiKey(), config.getGeminiModel(), config, "gemini-api-key"));
            default -> throw new ConfigurationException("stylegraph.tryon.engine must be warp, fashn or gemini, got "
                    + engine);
        };
    }

    private static HostedSettings hosted(String baseUrl, String apiKey, String model, TryOnConfiguration config,
                                         String keyName) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new ConfigurationException("stylegraph.tryon." + keyName + " is not set; the " + config.getEngine()
                    + " try-on engine needs it");
        }
        return new HostedSettings(URI.create(baseUrl), apiKey, model, config.getProviderRequestTimeout(),
                config.getFashnPollInterval(), config.getAttemptTimeout());
    }
}
