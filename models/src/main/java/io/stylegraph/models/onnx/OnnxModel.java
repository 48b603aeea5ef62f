package io.stylegraph.models.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.file.Path;

/**
 * An open ONNX Runtime session with the file it came from and the provider it actually runs on.
 * {@link OrtSession#run} may be called from several threads at once.
 */
public record OnnxModel(OrtEnvironment environment, OrtSession session, Path file, ExecutionProvider provider)
        implements AutoCloseable {

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("could not close ONNX session for " + file, e);
        }
    }
}
