package io.stylegraph.training.retrieval;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.stylegraph.graph.domain.Item;
import io.stylegraph.models.ImageEncoder;
import io.stylegraph.models.TextEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds catalogue items outside the service, through the same pieces the embedding job uses (image files decoded by
 * the reader it is given, the service's own in its benchmarks; words joined by {@link ItemTexts}), in batches, timing
 * each step.
 */
public final class CatalogueEmbedder {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueEmbedder.class);
    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;
    /** Items per encode call unless configured otherwise, the embedding job's default too. */
    public static final int DEFAULT_BATCH = 64;

    private final ImageEncoder imageEncoder;
    private final TextEncoder textEncoder;
    private final Function<String, BufferedImage> pictures;
    private final int batchSize;

    /**
     * @param pictures an item's picture, upright, from its {@code image} field; null when there is none or it cannot
     *                 be read
     */
    public CatalogueEmbedder(ImageEncoder imageEncoder, TextEncoder textEncoder,
                             Function<String, BufferedImage> pictures, int batchSize) {
        this.imageEncoder = imageEncoder;
        this.textEncoder = textEncoder;
        this.pictures = pictures;
        this.batchSize = batchSize;
    }

    /** Visual vectors of the items with a readable picture. */
    public Map<String, float[]> images(List<Item> items, Throughput.Builder timing) {
        Map<String, float[]> vectors = new LinkedHashMap<>(items.size() * 2);
        Progress progress = new Progress("images", items.size());
        for (int from = 0; from < items.size(); from += batchSize) {
            List<Item> batch = items.subList(from, Math.min(from + batchSize, items.size()));
            long started = System.nanoTime();
            List<BufferedImage> images = new ArrayList<>(batch.size());
            List<String> ids = new ArrayList<>(batch.size());
            for (Item item : batch) {
                BufferedImage image = pictures.apply(item.image());
                if (image != null) {
                    images.add(image);
                    ids.add(item.id());
                }
            }
            long decoded = System.nanoTime();
            List<float[]> encoded = images.isEmpty() ? List.of() : imageEncoder.encode(images);
            long done = System.nanoTime();
            timing.images(images.size(), decoded - started, done - decoded);
            for (int i = 0; i < ids.size(); i++) {
                vectors.put(ids.get(i), encoded.get(i));
            }
            progress.advance(batch.size());
        }
        return vectors;
    }

    /** Text vectors of the items with words. */
    public Map<String, float[]> texts(List<Item> items, Throughput.Builder timing) {
        Map<String, float[]> vectors = new LinkedHashMap<>(items.size() * 2);
        Progress progress = new Progress("texts", items.size());
        for (int from = 0; from < items.size(); from += batchSize) {
            List<Item> batch = items.subList(from, Math.min(from + batchSize, items.size()));
            List<String> texts = new ArrayList<>(batch.size());
            List<String> ids = new ArrayList<>(batch.size());
            for (Item item : batch) {
                String text = ItemTexts.of(item.title(), item.category(), item.colour(), item.description(),
                        item.brand(), item.categories());
                if (!text.isEmpty()) {
                    texts.add(text);
                    ids.add(item.id());
                }
            }
            long started = System.nanoTime();
            List<float[]> encoded = texts.isEmpty() ? List.of() : textEncoder.encode(texts);
            timing.texts(texts.size(), System.nanoTime() - started);
            for (int i = 0; i < ids.size(); i++) {
                vectors.put(ids.get(i), encoded.get(i));
            }
            progress.advance(batch.size());
        }
        return vectors;
    }

    /** Items per second and ETA in the log every few seconds. */
    private static final class Progress {
        private final String what;
        private final int total;
        private final long started = System.nanoTime();
        private long lastLog = started;
        private int done;

        Progress(String what, int total) {
            this.what = what;
            this.total = total;
        }

        void advance(int items) {
            done += items;
            long now = System.nanoTime();
            if (now - lastLog >= LOG_INTERVAL_NANOS || done == total) {
                lastLog = now;
                double rate = done / ((now - started) / 1e9);
                LOG.info(String.format(Locale.ROOT, "Embedding %s: %,d/%,d (%.1f items/s, ETA %.0f s)", what, done,
                        total, rate, (total - done) / Math.max(rate, 1e-9)));
            }
        }
    }
}
