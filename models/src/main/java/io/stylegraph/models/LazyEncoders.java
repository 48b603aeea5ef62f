package io.stylegraph.models;

import java.nio.file.Path;

import io.stylegraph.models.onnx.FashionSigLip;
import io.stylegraph.models.onnx.OnnxSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encoders a deployment runs with, opened on first use since loading takes seconds: FashionSigLIP's two towers
 * when a model folder is named (words and pictures then share one space), else the built-in pair. A broken model
 * folder fails that first use with a message naming the missing file. Closing closes whatever was opened; a later
 * use opens the encoders again.
 */
public class LazyEncoders implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LazyEncoders.class);

    private final Path siglipDir;
    private volatile Encoders encoders;

    /** @param siglipDir a FashionSigLIP model folder, or null for the built-in encoders */
    public LazyEncoders(Path siglipDir) {
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

    /** Whether the encoders have been opened (and not closed since). */
    public boolean opened() {
        return encoders != null;
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

    @Override
    public synchronized void close() {
        if (encoders != null) {
            encoders.close();
            encoders = null;
        }
    }
}
