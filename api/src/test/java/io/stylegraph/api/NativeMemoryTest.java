package io.stylegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class NativeMemoryTest {

    @Test
    void shouldLetNd4jHoldHalfTheHeapOutsideItAtLeastTwoGibibytes() {
        Properties properties = new Properties();
        NativeMemory.limitUnlessSet(properties, 14L << 30);
        assertEquals(Long.toString(7L << 30), properties.getProperty(NativeMemory.MAX_BYTES));

        Properties small = new Properties();
        NativeMemory.limitUnlessSet(small, 3L << 30);
        assertEquals(Long.toString(2L << 30), small.getProperty(NativeMemory.MAX_BYTES), "the floor");
    }

    @Test
    void shouldKeepALimitTheCommandLineSet() {
        Properties properties = new Properties();
        properties.setProperty(NativeMemory.MAX_BYTES, "12g");
        NativeMemory.limitUnlessSet(properties, 14L << 30);
        assertEquals("12g", properties.getProperty(NativeMemory.MAX_BYTES));
    }
}
