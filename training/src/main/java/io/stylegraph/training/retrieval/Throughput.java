package io.stylegraph.training.retrieval;

/**
 * Encoder throughput: {@code images} decoded from their files and encoded, {@code texts} encoded, with the time each
 * step took (seconds).
 */
public record Throughput(int images, double imageDecodeSeconds, double imageEncodeSeconds, int texts,
                         double textSeconds) {

    /** Decoding and encoding together, as the embedding job does it. */
    public double imagesPerSecond() {
        return images / (imageDecodeSeconds + imageEncodeSeconds);
    }

    public double imageEncodesPerSecond() {
        return images / imageEncodeSeconds;
    }

    public double textsPerSecond() {
        return texts / textSeconds;
    }

    /** Sums timings batch by batch. */
    public static final class Builder {
        private int images;
        private long decodeNanos;
        private long encodeNanos;
        private int texts;
        private long textNanos;

        void images(int count, long decode, long encode) {
            images += count;
            decodeNanos += decode;
            encodeNanos += encode;
        }

        void texts(int count, long nanos) {
            texts += count;
            textNanos += nanos;
        }

        public Throughput build() {
            return new Throughput(images, decodeNanos / 1e9, encodeNanos / 1e9, texts, textNanos / 1e9);
        }
    }
}
