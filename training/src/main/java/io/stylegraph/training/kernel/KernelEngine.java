package io.stylegraph.training.kernel;

/** Which {@link TrainingKernel} a trainer builds. */
public enum KernelEngine {
    /** Multithreaded plain-Java CSR; the default. */
    CPU,
    /** ND4J arrays on the ND4J backend of the build (nd4j-native, or nd4j-cuda with -Pcuda). */
    ND4J;

    public TrainingKernel create(int threads) {
        return switch (this) {
            case CPU -> new CpuCsrKernel(threads);
            case ND4J -> new Nd4jKernel();
        };
    }
}
