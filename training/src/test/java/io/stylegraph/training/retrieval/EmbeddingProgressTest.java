package io.stylegraph.training.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class EmbeddingProgressTest {

    @Test
    void shouldGoFromIdleThroughScanningAndEmbeddingToDoneCountingItsItems() {
        EmbeddingProgress progress = new EmbeddingProgress();
        assertEquals("idle", progress.reading().state());
        assertFalse(progress.reading().running());

        progress.scanning();
        assertTrue(progress.reading().running());
        assertNotNull(progress.reading().startedAt());
        progress.embedding(5);
        progress.advance(2, 1, LoggerFactory.getLogger(EmbeddingProgressTest.class));
        progress.advance(3, 0, LoggerFactory.getLogger(EmbeddingProgressTest.class));
        progress.done();

        EmbeddingProgress.Reading done = progress.reading();
        assertEquals("done", done.state());
        assertFalse(done.running());
        assertEquals(5, done.items());
        assertEquals(5, done.embedded());
        assertEquals(1, done.unreadableImages());
        assertNull(done.etaSeconds(), "no estimate once done");
        assertNotNull(done.finishedAt());
    }

    @Test
    void shouldKeepTheFailureAndClearItAtTheNextRun() {
        EmbeddingProgress progress = new EmbeddingProgress();
        progress.scanning();
        progress.failed("graph away");

        assertEquals("failed", progress.reading().state());
        assertEquals("graph away", progress.reading().error());

        progress.scanning();

        assertNull(progress.reading().error());
        assertNull(progress.reading().finishedAt());
    }

    @Test
    void shouldWriteDurationsInTheLargestUnitsThatFit() {
        assertEquals("59s", EmbeddingProgress.formatDuration(59));
        assertEquals("2m05s", EmbeddingProgress.formatDuration(125));
        assertEquals("1h01m", EmbeddingProgress.formatDuration(3_660));
    }
}
