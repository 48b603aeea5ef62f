package io.stylegraph.models.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Token ids for a SigLIP text tower: optional open_clip canonicalization, the model's {@code tokenizer.json}
 * (loaded with DJL's binding of Hugging Face tokenizers), truncation to the context length with the end-of-text
 * token kept, and padding to exactly the context length with the pad token, as SigLIP was trained
 * ({@code padding="max_length"}). Thread-safe for encoding; {@link #close()} frees the native tokenizer.
 */
public final class SigLipTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final int contextLength;
    private final long padId;
    private final TextCanonicalizer canonicalizer;

    /**
     * @param tokenizerJson the Hugging Face {@code tokenizer.json}
     * @param contextLength ids per text (64 for Marqo-FashionSigLIP)
     * @param padToken      token text padding uses ({@code </s>} for SigLIP)
     * @param canonicalize  whether to apply open_clip's canonicalize cleaning first
     */
    public SigLipTokenizer(Path tokenizerJson, int contextLength, String padToken, boolean canonicalize) {
        if (contextLength < 2) {
            throw new IllegalArgumentException("context length must be at least 2");
        }
        try {
            this.tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optAddSpecialTokens(true)
                    .optTruncation(true)
                    .optMaxLength(contextLength)
                    .optPadding(false)
                    .build();
        } catch (IOException | RuntimeException e) {
            throw new ModelFilesException("cannot load tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
        }
        this.contextLength = contextLength;
        this.canonicalizer = canonicalize ? new TextCanonicalizer() : null;
        this.padId = singleId(padToken, tokenizerJson);
    }

    private long singleId(String token, Path file) {
        long[] ids = tokenizer.encode(token, false, false).getIds();
        if (ids.length != 1) {
            tokenizer.close();
            throw new ModelFilesException(file + ": pad token '" + token + "' is not a single token (ids "
                    + Arrays.toString(ids) + ")");
        }
        return ids[0];
    }

    public int contextLength() {
        return contextLength;
    }

    public long padId() {
        return padId;
    }

    /** {@code texts.size() * contextLength} ids, row after row. */
    public long[] encode(List<String> texts) {
        List<String> prepared = texts.stream().map(this::prepare).toList();
        Encoding[] encodings = tokenizer.batchEncode(prepared);
        long[] ids = new long[texts.size() * contextLength];
        Arrays.fill(ids, padId);
        for (int row = 0; row < encodings.length; row++) {
            long[] tokens = encodings[row].getIds();
            System.arraycopy(tokens, 0, ids, row * contextLength, Math.min(tokens.length, contextLength));
        }
        return ids;
    }

    private String prepare(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        return canonicalizer == null ? text : canonicalizer.canonicalize(text);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
