package io.stylegraph.api.search;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

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

    private static final long LOADER_STACK_BYTES = 64L * 1024 * 1024;

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
                encoders = loadOnLargeStack();
                LOG.info("Encoders ready in {} ms: image {} ({}-d), text {} ({}-d)",
                        (System.nanoTime() - started) / 1_000_000, encoders.images().modelId(),
                        encoders.images().dimension(), encoders.texts().modelId(), encoders.texts().dimension());
            }
            return encoders;
        }
    }

    /**
     * ONNX Runtime 1.29's native library can recurse deeply while it loads (seen on this project's Debian VM, AMD
     * EPYC): on a thread with the JVM's default 1 MB stack the process then dies with SIGSEGV and no error report.
     * Loading it on a thread with a large stack avoids that; inference afterwards runs on any thread.
     */
    private Encoders loadOnLargeStack() {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread loader = new Thread(null, () -> {
            try {
                outcome.set(siglipDir == null ? Encoders.builtIn()
                        : Encoders.fashionSigLip(siglipDir, new OnnxSessions(), FashionSigLip.DEFAULT_MAX_BATCH));
            } catch (RuntimeException | Error e) {
                outcome.set(e);
            }
        }, "encoder-loader", LOADER_STACK_BYTES);
        loader.start();
        try {
            loader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the encoders", e);
        }
        if (outcome.get() instanceof RuntimeException e) {
            throw e;
        }
        if (outcome.get() instanceof Error e) {
            throw e;
        }
        return (Encoders) outcome.get();
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
