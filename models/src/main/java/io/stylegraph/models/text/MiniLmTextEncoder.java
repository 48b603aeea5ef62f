package io.stylegraph.models.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.stylegraph.models.EncoderException;
import io.stylegraph.models.TextEncoder;
import io.stylegraph.models.Vectors;
import io.stylegraph.models.onnx.ModelFilesException;
import io.stylegraph.models.onnx.OnnxRuntimeLoader;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in text encoder: all-MiniLM-L6-v2 (sentence-transformers, 384-d), with the model file and tokenizer that
 * ship inside the langchain4j Maven artifact, run on ONNX Runtime directly and in batches.
 *
 * <p>A call tokenizes every text (the artifact's {@code tokenizer.json} through DJL's binding of Hugging Face
 * tokenizers, truncated to {@link #MAX_TOKENS} word pieces with {@code [CLS]} and {@code [SEP]}, as langchain4j's
 * encoder truncates with the same file; {@link MiniLmArtifact}), orders the texts by token count and runs them in
 * batches of at most {@code maxBatch} texts of similar length, each padded only to its longest text (padding adds at
 * most a fifth to a batch's tokens; {@link LengthBatches}). The token vectors are mean-pooled over the attention mask and the
 * result L2-normalized, so a text gets the vector it gets alone (to float rounding) and the vector langchain4j's
 * one-text-per-call encoder gives ({@link LangChain4jMiniLmEncoder}, checked to cosine 0.999 on catalogue texts):
 * hence the same {@link #MODEL_ID}, and stored vectors stay valid.
 *
 * <p>Loading takes a few seconds; create one and share it. Thread-safe: concurrent calls share the session and its
 * intra-op threads, which sleep rather than spin while idle. ONNX Runtime is started through
 * {@link OnnxRuntimeLoader}, so any thread may construct one.
 */
public final class MiniLmTextEncoder implements TextEncoder {

    public static final int DIMENSION = 384;
    public static final String MODEL_ID = "all-MiniLM-L6-v2";
    /** Word pieces per text, {@code [CLS]} and {@code [SEP]} included; what the artifact's tokenizer file sets. */
    public static final int MAX_TOKENS = 128;
    /** Most texts per model run unless told otherwise. */
    public static final int DEFAULT_BATCH = 64;

    private static final String MODEL_RESOURCE = MiniLmArtifact.MODEL_RESOURCE;
    private static final String IDS = "input_ids";
    private static final String MASK = "attention_mask";
    private static final String TYPE_IDS = "token_type_ids";
    private static final String OUTPUT = "last_hidden_state";
    /** Most padded tokens of a batch, as a multiple of its texts' own tokens. */
    static final double PADDING_ALLOWANCE = 1.2;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean feedsTypeIds;
    private final int maxBatch;
    private final int threads;
    /**
     * Encoding holds the read side, closing the write side: a shutdown waits for the batch in flight instead of
     * freeing the native session under it (which crashed the JVM), and a call after close fails cleanly.
     */
    private final java.util.concurrent.locks.ReentrantReadWriteLock lifecycle =
            new java.util.concurrent.locks.ReentrantReadWriteLock();
    private boolean closed;

    /** Batches of {@link #DEFAULT_BATCH}, one intra-op thread per available processor. */
    public MiniLmTextEncoder() {
        this(Runtime.getRuntime().availableProcessors(), DEFAULT_BATCH);
    }

    /**
     * @param intraOpThreads threads ONNX Runtime spreads one model run over (at least 1)
     * @param maxBatch       most texts per model run (at least 1); fewer where their lengths differ
     * @throws ModelFilesException when the model or tokenizer is not on the classpath or cannot be read
     */
    public MiniLmTextEncoder(int intraOpThreads, int maxBatch) {
        if (intraOpThreads < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("threads and batch size must be at least 1");
        }
        this.threads = intraOpThreads;
        this.maxBatch = maxBatch;
        this.environment = OnnxRuntimeLoader.environment();
        this.tokenizer = MiniLmArtifact.tokenizer();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(intraOpThreads);
            // idle intra-op threads sleep instead of spinning: at start-up this session shares the cores with image
            // encoding, the outfit index and the graph, and spinning threads took their time (slower overall)
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            this.session = environment.createSession(MiniLmArtifact.model(), options);
            Set<String> inputs = session.getInputNames();
            if (!inputs.contains(IDS) || !inputs.contains(MASK) || !session.getOutputNames().contains(OUTPUT)) {
                session.close();
                throw new ModelFilesException(MODEL_RESOURCE + ": expected inputs " + IDS + ", " + MASK
                        + " and output " + OUTPUT + ", found " + inputs + " and " + session.getOutputNames());
            }
            this.feedsTypeIds = inputs.contains(TYPE_IDS);
        } catch (OrtException e) {
            tokenizer.close();
            throw new ModelFilesException("ONNX Runtime could not load " + MODEL_RESOURCE + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    @Override
    public List<float[]> encode(List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("text " + i + " is blank");
            }
        }
        if (texts.isEmpty()) {
            return List.of();
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new EncoderException("text model " + MODEL_RESOURCE + " is closed");
            }
            return encodeOpen(texts);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private List<float[]> encodeOpen(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        long[][] ids = new long[encodings.length][];
        for (int i = 0; i < encodings.length; i++) {
            ids[i] = encodings[i].getIds();
        }
        float[][] out = new float[ids.length][];
        for (int[] rows : LengthBatches.of(ids, maxBatch, PADDING_ALLOWANCE)) {
            run(ids, rows, out);
        }
        return Arrays.asList(out);
    }

    /** Runs the texts {@code rows} in one batch, padded to the longest, and puts their vectors into {@code out}. */
    private void run(long[][] ids, int[] rows, float[][] out) {
        int length = 0;
        for (int row : rows) {
            length = Math.max(length, ids[row].length);
        }
        long[][] padded = LengthBatches.padded(ids, rows, length);
        long[] flatIds = padded[0];
        long[] mask = padded[1];
        long[] shape = {rows.length, length};
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put(IDS, OnnxTensor.createTensor(environment, LongBuffer.wrap(flatIds), shape));
            feed.put(MASK, OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (feedsTypeIds) {
                feed.put(TYPE_IDS, OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[flatIds.length]),
                        shape));
            }
            try (OrtSession.Result result = session.run(feed, Set.of(OUTPUT))) {
                OnnxTensor hidden = (OnnxTensor) result.get(OUTPUT).orElseThrow();
                long[] got = hidden.getInfo().getShape();
                if (got.length != 3 || got[0] != rows.length || got[1] != length || got[2] != DIMENSION) {
                    throw new EncoderException(MODEL_RESOURCE + " gave " + OUTPUT + " of shape "
                            + Arrays.toString(got) + " for " + rows.length + " texts of " + length + " tokens");
                }
                FloatBuffer values = hidden.getFloatBuffer();
                for (int r = 0; r < rows.length; r++) {
                    out[rows[r]] = meanPool(values, r * length * DIMENSION, ids[rows[r]].length);
                }
            }
        } catch (OrtException e) {
            throw new EncoderException("text model " + MODEL_RESOURCE + " failed: " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    /** The unit-length mean of the first {@code tokens} token vectors (the unmasked ones) of a row. */
    private static float[] meanPool(FloatBuffer values, int offset, int tokens) {
        float[] sum = new float[DIMENSION];
        for (int t = 0; t < tokens; t++) {
            int base = offset + t * DIMENSION;
            for (int d = 0; d < DIMENSION; d++) {
                sum[d] += values.get(base + d);
            }
        }
        for (int d = 0; d < DIMENSION; d++) {
            sum[d] /= tokens;
        }
        return Vectors.normalizeInPlace(sum);
    }

    /** Word pieces the model reads for a text, {@code [CLS]} and {@code [SEP]} included (at most {@link #MAX_TOKENS}). */
    public int tokens(String text) {
        return tokenizer.encode(text).getIds().length;
    }

    /** Texts per model run. */
    public int maxBatch() {
        return maxBatch;
    }

    /** ONNX Runtime's intra-op threads per run. */
    public int threads() {
        return threads;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                session.close();
            } catch (OrtException e) {
                throw new IllegalStateException("could not close the MiniLM session", e);
            } finally {
                tokenizer.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
