package io.stylegraph.training.report;

/**
 * The machine a run measured on, as every training report names it.
 *
 * @param java the Java version ({@code java.version})
 * @param os   the operating system's name and architecture
 */
public record Machine(int cores, long maxHeapBytes, String java, String os) {

    /** This process's machine: available cores, the heap limit, Java and the operating system. */
    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), ResourceUsage.maxHeapBytes(),
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }
}
