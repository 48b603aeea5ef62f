package io.stylegraph.models.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens ONNX models on the preferred {@link ExecutionProvider}. When CUDA is asked for but cannot be added (the CPU
 * build of ONNX Runtime, no GPU, missing CUDA libraries), the session is opened on the CPU and one line is logged
 * (the first time only; later fallbacks of the same instance log at debug level). ONNX Runtime itself is loaded by
 * {@link OnnxRuntimeLoader} on its own large-stack thread, so models may be opened from any thread.
 */
public final class OnnxSessions {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxSessions.class);

    private final ExecutionProvider preferred;
    private final int cudaDevice;
    private final int intraOpThreads;
    private final AtomicBoolean fallbackLogged = new AtomicBoolean();

    /** CPU sessions using ONNX Runtime's default thread count. */
    public OnnxSessions() {
        this(ExecutionProvider.CPU, 0, 0);
    }

    /**
     * @param preferred      provider to try first
     * @param cudaDevice     GPU index when {@code preferred} is CUDA
     * @param intraOpThreads threads per session for CPU kernels, 0 for ONNX Runtime's default (all cores)
     */
    public OnnxSessions(ExecutionProvider preferred, int cudaDevice, int intraOpThreads) {
        this.preferred = preferred;
        this.cudaDevice = cudaDevice;
        this.intraOpThreads = intraOpThreads;
    }

    /**
     * @throws ModelFilesException naming the file when it is missing or ONNX Runtime refuses it
     * @throws io.stylegraph.models.EncoderException when ONNX Runtime itself cannot be loaded
     */
    public OnnxModel open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFilesException("ONNX model file not found: " + file);
        }
        OrtEnvironment environment = OnnxRuntimeLoader.environment();
        if (preferred == ExecutionProvider.CUDA) {
            try (OrtSession.SessionOptions options = baseOptions()) {
                options.addCUDA(cudaDevice);
                return new OnnxModel(environment, environment.createSession(file.toString(), options), file,
                        ExecutionProvider.CUDA);
            } catch (OrtException e) {
                // also covers a provider that loads but finds no usable device when the session is created
                if (fallbackLogged.compareAndSet(false, true)) {
                    LOG.warn("CUDA execution provider unavailable ({}); running ONNX models on CPU", e.getMessage());
                } else {
                    LOG.debug("CUDA unavailable for {}, using CPU: {}", file.getFileName(), e.getMessage());
                }
            }
        }
        try (OrtSession.SessionOptions options = baseOptions()) {
            return new OnnxModel(environment, environment.createSession(file.toString(), options), file,
                    ExecutionProvider.CPU);
        } catch (OrtException e) {
            throw new ModelFilesException("ONNX Runtime could not load " + file + ": " + e.getMessage(), e);
        }
    }

    private OrtSession.SessionOptions baseOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        if (intraOpThreads > 0) {
            options.setIntraOpNumThreads(intraOpThreads);
        }
        return options;
    }
}
