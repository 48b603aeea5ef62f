package io.stylegraph.api.search;

import java.nio.file.Path;

import io.micronaut.core.annotation.Nullable;
import io.stylegraph.models.LazyEncoders;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The service's {@link LazyEncoders}: FashionSigLIP when {@code stylegraph.models.siglip-dir} names a model folder,
 * else the built-in pair; closed with the application.
 */
@Singleton
public class ActiveEncoders extends LazyEncoders {

    @Inject
    public ActiveEncoders(ModelConfiguration config) {
        this(config.getSiglipDir() == null || config.getSiglipDir().isBlank() ? null : Path.of(config.getSiglipDir()));
    }

    public ActiveEncoders(@Nullable Path siglipDir) {
        super(siglipDir);
    }

    @PreDestroy
    @Override
    public void close() {
        super.close();
    }
}
