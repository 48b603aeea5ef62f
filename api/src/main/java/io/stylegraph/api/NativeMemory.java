package io.stylegraph.api;

import java.util.Properties;

/**
 * How much memory ND4J's arrays (through JavaCPP) may hold outside the Java heap before JavaCPP asks for a garbage
 * collection to free the arrays nobody references any more. JavaCPP's own default is the heap's size: with a 14 GiB
 * heap a 1 M-item training run reached 22 GiB resident, most of it the buffers of products no longer in use (the item
 * graph's cells each allocate their own), and the kernel killed it. Half the heap, at least 2 GiB, bounds that garbage
 * while leaving room for the largest live set measured (two threads' evaluation products of a user block by every
 * item, about 1 GiB each at 1 M items). Set before any JavaCPP class loads; a value on the command line
 * ({@code -Dorg.bytedeco.javacpp.maxbytes=…}) wins.
 */
final class NativeMemory {
    static final String MAX_BYTES = "org.bytedeco.javacpp.maxbytes";
    static final long FLOOR = 2L << 30;

    private NativeMemory() {
    }

    /** Sets {@link #MAX_BYTES} in {@code properties} to half of {@code maxHeap} (at least {@link #FLOOR}) unless set. */
    static void limitUnlessSet(Properties properties, long maxHeap) {
        if (properties.getProperty(MAX_BYTES) == null) {
            properties.setProperty(MAX_BYTES, Long.toString(limitFor(maxHeap)));
        }
    }

    static long limitFor(long maxHeap) {
        return Math.max(FLOOR, maxHeap / 2);
    }
}
