package io.stylegraph.api.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.util.StringUtils;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

/**
 * Refuses to create the HTTP server when no usable JWT key is configured: without one every request would be
 * refused, or, worse, someone would switch security off to get going. Commands that use the application context
 * without serving HTTP (train, import) are not affected.
 */
@Singleton
@Requires(property = "micronaut.security.enabled", notEquals = StringUtils.FALSE, defaultValue = StringUtils.TRUE)
public class SigningKeyCheck implements BeanCreatedEventListener<EmbeddedServer> {
    private final PropertyResolver properties;

    public SigningKeyCheck(PropertyResolver properties) {
        this.properties = properties;
    }

    @Override
    public EmbeddedServer onCreated(BeanCreatedEvent<EmbeddedServer> event) {
        SigningSecret.problem(properties).ifPresent(problem -> {
            throw new ConfigurationException(problem);
        });
        return event.getBean();
    }
}
