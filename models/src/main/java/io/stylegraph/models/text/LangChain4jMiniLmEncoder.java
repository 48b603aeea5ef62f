package io.stylegraph.models.text;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.stylegraph.models.TextEncoder;
import io.stylegraph.models.Vectors;
import io.stylegraph.models.onnx.OnnxRuntimeLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * all-MiniLM-L6-v2 as langchain4j runs it: one text per ONNX Runtime call, each on a worker of its pool. This was the
 * built-in text encoder; it is kept as the reference {@link MiniLmTextEncoder} is checked and measured against (the
 * equality test and the {@code bench-text-encoder} command), not for serving. langchain4j reaches ONNX Runtime on its
 * own ({@code OrtEnvironment.getEnvironment()} while loading the model class), so the constructors have
 * {@link OnnxRuntimeLoader} create the environment first; any thread may construct one. Thread-safe.
 */
public final class LangChain4jMiniLmEncoder implements TextEncoder {

    private final AllMiniLmL6V2EmbeddingModel model;

    /** Spreads a batch over langchain4j's default worker pool. */
    public LangChain4jMiniLmEncoder() {
        OnnxRuntimeLoader.environment();
        this.model = new AllMiniLmL6V2EmbeddingModel();
    }

    /** @param executor runs the per-text work of a batch (for example a bounded pool shared with other encoders) */
    public LangChain4jMiniLmEncoder(Executor executor) {
        OnnxRuntimeLoader.environment();
        this.model = new AllMiniLmL6V2EmbeddingModel(executor);
    }

    @Override
    public List<float[]> encode(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("text " + i + " is blank");
            }
            segments.add(TextSegment.from(text));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            out.add(Vectors.normalizeInPlace(embedding.vector().clone()));
        }
        return out;
    }

    @Override
    public int dimension() {
        return MiniLmTextEncoder.DIMENSION;
    }

    @Override
    public String modelId() {
        return MiniLmTextEncoder.MODEL_ID;
    }

    @Override
    public void close() {
        // the langchain4j model keeps its ONNX session for the life of the class loader
    }
}
