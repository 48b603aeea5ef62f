package io.stylegraph.api.search;

import java.nio.file.Path;

import io.micronaut.core.annotation.Nullable;
import io.stylegraph.models.Encoders;
import io.stylegraph.models.ImageEncoder;
import io.stylegraph.models.TextEncoder;
import io.stylegraph.models.onnx.FashionSigLip;
import io.stylegraph.models.onnx.OnnxSessions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encoders this deployment runs with: FashionSigLIP's two towers when {@code stylegraph.models.siglip-dir} names
 * a model folder (words and pictures then share one space), else the built-in pair. Opened on first use, since
 * loading takes seconds; a broken model folder fails that first use with a message naming the missing file.
 */
@Singleton
public class ActiveEncoders implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveEncoders.class);

    private final Path siglipDir;
    private volatile Encoders encoders;

    @Inject
    public ActiveEncoders(ModelConfiguration config) {
        this(config.getSiglipDir() == null || config.getSiglipDir().isBlank() ? null : Path.of(config.getSiglipDir()));
    }

    public ActiveEncoders(@Nullable Path siglipDir) {
        this.siglipDir = siglipDir;
    }

    public ImageEncoder image() {
        return open().images();
    }

    public TextEncoder text() {
        return open().texts();
    }

    /** True when text vectors can be compared with image vectors (FashionSigLIP); known before anything is opened. */
    public boolean sharedSpace() {
        return siglipDir != null;
    }

    private Encoders open() {
        Encoders opened = encoders;
        if (opened != null) {
            return opened;
        }
        synchronized (this) {
            if (encoders == null) {
                long started = System.nanoTime();
                // on the calling thread, whatever its stack: models loads ONNX Runtime itself on a thread with a
                // large stack (OnnxRuntimeLoader), which its native side needs to start without crashing the JVM
                encoders = siglipDir == null ? Encoders.builtIn()
                        : Encoders.fashionSigLip(siglipDir, new OnnxSessions(), FashionSigLip.DEFAULT_MAX_BATCH);
                LOG.info("Encoders ready in {} ms: image {} ({}-d), text {} ({}-d)",
                        (System.nanoTime() - started) / 1_000_000, encoders.images().modelId(),
                        encoders.images().dimension(), encoders.texts().modelId(), encoders.texts().dimension());
            }
            return encoders;
        }
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (encoders != null) {
            encoders.close();
            encoders = null;
        }
    }
}
