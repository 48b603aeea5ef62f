package io.stylegraph.models.onnx;

import ai.onnxruntime.OrtEnvironment;
import io.stylegraph.models.EncoderException;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Creates ONNX Runtime's process-wide {@link OrtEnvironment} once, on a thread of its own with a 64 MB stack, before
 * anything else in this module touches ONNX Runtime.
 *
 * <p>Why: creating the environment of ONNX Runtime 1.29 (native code, after the library itself has loaded) needs more
 * stack than a thread may have, and running out kills the whole JVM with SIGSEGV and no error report. On this
 * project's Debian VM (AMD EPYC, OpenJDK 17) a bare JVM crashed doing it on threads of 256 to 768 KB and got through
 * on 1 MB; the service, starting the encoders deeper in a call chain, crashed on the JVM's default 1 MB. Once the
 * environment exists, sessions are created and run on any thread, small stacks included (256 KB checked).
 *
 * <p>Every entry point of this module that reaches ONNX Runtime ({@link OnnxSessions#open}, hence
 * {@link FashionSigLip#open}; {@link io.stylegraph.models.text.MiniLmTextEncoder}, hence
 * {@link io.stylegraph.models.Encoders#builtIn()}) calls {@link #environment()} first. Thread-safe; the first caller
 * starts the loader thread, every caller waits for the same outcome, and a failure is remembered and rethrown as an
 * {@link EncoderException} to each later caller (a native library that failed to load stays failed in this JVM).
 */
public final class OnnxRuntimeLoader {

    /** Stack of the loader thread; reserved address space only, the pages are touched as far as the load goes. */
    static final long LOADER_STACK_BYTES = 64L * 1024 * 1024;
    static final String LOADER_THREAD_NAME = "onnxruntime-loader";

    private static final Object LOCK = new Object();
    /** Set once a loader thread has started; guarded by {@link #LOCK}. */
    private static FutureTask<OrtEnvironment> loading;
    private static volatile OrtEnvironment loaded;

    private OnnxRuntimeLoader() {
    }

    /**
     * ONNX Runtime's environment, created on the loader thread the first time.
     *
     * @throws EncoderException when ONNX Runtime cannot be loaded (the cause says why), when the loader thread
     *                          cannot be started, or when the caller is interrupted while waiting (its interrupt
     *                          flag is set again; loading goes on for the next caller)
     */
    public static OrtEnvironment environment() {
        OrtEnvironment environment = loaded;
        if (environment != null) {
            return environment;
        }
        FutureTask<OrtEnvironment> task = startOnce();
        try {
            environment = task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EncoderException("interrupted while waiting for ONNX Runtime to load", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new EncoderException("ONNX Runtime could not be loaded: " + cause, cause);
        }
        loaded = environment;
        return environment;
    }

    /** Whether ONNX Runtime's environment has been created through this class (for tests and diagnostics). */
    public static boolean isLoaded() {
        return loaded != null;
    }

    private static FutureTask<OrtEnvironment> startOnce() {
        synchronized (LOCK) {
            if (loading == null) {
                FutureTask<OrtEnvironment> task = new FutureTask<>(OrtEnvironment::getEnvironment);
                Thread thread = new Thread(null, task, LOADER_THREAD_NAME, LOADER_STACK_BYTES);
                thread.setDaemon(true);
                try {
                    thread.start();
                } catch (OutOfMemoryError | RuntimeException e) {
                    // not remembered: a later caller may find the resources to start it
                    throw new EncoderException("could not start the ONNX Runtime loader thread: " + e, e);
                }
                loading = task;
            }
            return loading;
        }
    }
}
