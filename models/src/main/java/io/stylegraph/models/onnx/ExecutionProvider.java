package io.stylegraph.models.onnx;

/** Where ONNX Runtime runs a model. */
public enum ExecutionProvider {
    CPU,
    /** NVIDIA GPU through the CUDA provider; needs the {@code -Pcuda} build (onnxruntime_gpu) and CUDA 12 libraries. */
    CUDA
}
