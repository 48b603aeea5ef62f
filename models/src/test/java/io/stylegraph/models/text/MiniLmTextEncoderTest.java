package io.stylegraph.models.text;

import io.stylegraph.models.EncoderException;
import io.stylegraph.models.Vectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiniLmTextEncoderTest {

    /** Texts of different token counts, in an order that is not their length order. */
    private static final List<String> MIXED = List.of(
            "Puma Men Black Running Shoes. Sports Shoes. Black",
            "scarf",
            "Fabindia Women Cream and Maroon Printed Kurta with Churidar and Dupatta. Kurta Sets. Cream",
            "red summer dress",
            "Jealous 21 Women Washed Blue Skinny Fit Mid-Rise Clean Look Stretchable Jeans. Jeans. Blue",
            "wool coat",
            "ADIDAS Unisex Originals Trefoil Backpack. Backpacks. Navy Blue",
            "linen shirt, short sleeves");

    private final MiniLmTextEncoder encoder = new MiniLmTextEncoder();
    /** Three texts per model run, so {@link #MIXED} is cut into batches of different padded lengths. */
    private final MiniLmTextEncoder smallBatches = new MiniLmTextEncoder(1, 3);

    @AfterAll
    void close() {
        encoder.close();
        smallBatches.close();
    }

    @Test
    void shouldPlaceADressNearerItsSynonymThanBoots() {
        List<float[]> v = encoder.encode(List.of("red summer dress", "crimson sundress", "leather hiking boots"));
        double synonym = Vectors.dot(v.get(0), v.get(1));
        double unrelated = Vectors.dot(v.get(0), v.get(2));
        assertTrue(synonym > unrelated + 0.1, "dress~sundress " + synonym + " vs dress~boots " + unrelated);
    }

    @Test
    void shouldReturnUnitVectorsOf384Dimensions() {
        float[] v = encoder.encode("slim fit denim jacket");
        assertEquals(384, v.length);
        assertEquals(384, encoder.dimension());
        assertEquals(1.0, Vectors.norm(v), 1e-5);
        assertEquals("all-MiniLM-L6-v2", encoder.modelId());
    }

    @Test
    void shouldGiveEachTextOfABatchTheVectorItGetsAlone() {
        List<float[]> together = encoder.encode(MIXED);
        List<float[]> inSmallBatches = smallBatches.encode(MIXED);
        assertEquals(MIXED.size(), together.size());
        for (int i = 0; i < MIXED.size(); i++) {
            float[] alone = encoder.encode(MIXED.get(i));
            assertArrayEquals(alone, together.get(i), 1e-5f, "padded with longer texts: " + MIXED.get(i));
            assertArrayEquals(alone, inSmallBatches.get(i), 1e-5f, "in batches of three: " + MIXED.get(i));
        }
    }

    @Test
    void shouldKeepDuplicateTextsInTheirPlaces() {
        List<float[]> v = encoder.encode(List.of("wool coat", "scarf", "wool coat"));
        assertArrayEquals(v.get(0), v.get(2), 1e-6f);
        assertTrue(Vectors.dot(v.get(0), v.get(1)) < 0.99);
    }

    @Test
    void shouldRejectBlankTexts() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> encoder.encode(List.of("coat", "  ")));
        assertEquals("text 1 is blank", blank.getMessage());
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(List.of("coat", "")));
        List<String> withNull = new ArrayList<>(List.of("coat"));
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(withNull));
    }

    @Test
    void shouldAnswerAnEmptyListWithNoVectors() {
        assertEquals(List.of(), encoder.encode(List.of()));
    }

    @Test
    void shouldTruncateAVeryLongTextToItsFirst128Tokens() {
        String head = "navy blue cotton shirt with a button down collar ";
        String longText = head.repeat(40) + "bright yellow rubber rain boots ".repeat(200);
        String truncatedTail = head.repeat(40) + "completely different words about kitchen knives ".repeat(50);
        List<float[]> v = encoder.encode(List.of(longText, truncatedTail, "wool coat"));
        assertEquals(1.0, Vectors.norm(v.get(0)), 1e-5);
        assertEquals(MiniLmTextEncoder.MAX_TOKENS, encoder.tokens(longText));
        assertEquals(4, encoder.tokens("wool coat"), "[CLS] wool coat [SEP]");
        // 40 repeats of the head are far beyond 128 tokens: the rest of either text is cut off unread
        assertArrayEquals(v.get(0), v.get(1), 1e-5f);
        assertArrayEquals(encoder.encode("wool coat"), v.get(2), 1e-5f);
    }

    @Test
    void shouldGiveConcurrentCallersTheVectorsOfASingleCaller() throws Exception {
        List<float[]> expected = encoder.encode(MIXED);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<float[]>>> futures = new ArrayList<>();
            for (int caller = 0; caller < 8; caller++) {
                List<String> rotated = new ArrayList<>(MIXED);
                java.util.Collections.rotate(rotated, caller);
                int shift = caller;
                Callable<List<float[]>> call = () -> {
                    List<float[]> got = encoder.encode(rotated);
                    List<float[]> back = new ArrayList<>(got);
                    java.util.Collections.rotate(back, -shift);
                    return back;
                };
                futures.add(pool.submit(call));
            }
            for (Future<List<float[]>> future : futures) {
                List<float[]> got = future.get();
                for (int i = 0; i < MIXED.size(); i++) {
                    assertArrayEquals(expected.get(i), got.get(i), 1e-5f, MIXED.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldMatchTheVectorsOfTheOneTextPerCallEncoder() {
        List<String> texts = new ArrayList<>(MIXED);
        texts.add("Ünïcödé café, naïve 😀 dress");
        texts.add("navy blue cotton shirt with a button down collar ".repeat(40));
        try (LangChain4jMiniLmEncoder reference = new LangChain4jMiniLmEncoder()) {
            List<float[]> expected = reference.encode(texts);
            List<float[]> got = encoder.encode(texts);
            for (int i = 0; i < texts.size(); i++) {
                double cosine = Vectors.dot(expected.get(i), got.get(i));
                assertTrue(cosine >= 0.999, "cosine " + cosine + " for " + texts.get(i));
            }
        }
    }

    @Test
    void shouldRefuseABatchSizeOrThreadCountBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new MiniLmTextEncoder(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new MiniLmTextEncoder(0, 8));
    }

    /**
     * A shutdown that closes the encoder while another thread is in the middle of a batch used to free the native
     * session under the running batch and crash the JVM; the close now waits for the batch, and a call after close
     * fails with the encoder's own exception.
     */
    @Test
    void shouldFinishTheBatchInFlightWhenClosedAndRefuseCallsAfterClose() throws Exception {
        MiniLmTextEncoder closing = new MiniLmTextEncoder(1, 2);
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(MIXED.get(i % MIXED.size()) + " " + i);
        }
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<List<float[]>> encoded = worker.submit(() -> {
                started.countDown();
                return closing.encode(many);
            });
            started.await();
            closing.close();
            closing.close();

            // the encode either ran first and finished every text, or found the encoder closed
            try {
                assertEquals(200, encoded.get().size());
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue(e.getCause() instanceof EncoderException, e.getCause().toString());
            }
            assertThrows(EncoderException.class, () -> closing.encode(List.of("linen shirt")));
        } finally {
            worker.shutdownNow();
        }
    }
}
