package io.stylegraph.api.cli;

import java.util.Map;
import java.util.function.Function;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.core.value.PropertyResolver;
import io.stylegraph.api.Application;

/**
 * The service's configuration (application.yml, environment variables, system properties) as the service would see
 * it, read without starting any bean: for commands that must decide before, or instead of, starting the service.
 */
final class ConfiguredProperties {
    private ConfiguredProperties() {
    }

    static <T> T read(Map<String, Object> overrides, Function<PropertyResolver, T> reader) {
        try (ApplicationContext context = ApplicationContext.builder().mainClass(Application.class)
                .properties(overrides).build()) {
            Environment environment = context.getEnvironment();
            environment.start();
            try {
                return reader.apply(environment);
            } finally {
                environment.stop();
            }
        }
    }

    static <T> T read(Function<PropertyResolver, T> reader) {
        return read(Map.of(), reader);
    }
}
