package io.stylegraph.models.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.stylegraph.models.EncoderException;
import io.stylegraph.models.TextEncoder;
import io.stylegraph.models.Vectors;

import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SigLIP-style text tower in ONNX (Marqo-FashionSigLIP's {@code text_model.onnx}): texts become padded
 * {@code int64 [N, contextLength]} ids through {@link SigLipTokenizer}; the pooled embedding output is L2-normalized.
 * If the export also declares {@code attention_mask} it is fed all ones, because SigLIP attends to its padding
 * tokens (open_clip passes no mask); {@code token_type_ids} are fed zeros. Thread-safe.
 */
public final class SigLipTextEncoder implements TextEncoder {

    static final List<String> EMBEDDING_OUTPUTS = List.of("text_embeds", "pooler_output", "embeddings");

    private final OnnxModel model;
    private final SigLipTokenizer tokenizer;
    private final String modelId;
    private final int maxBatch;
    private final String idsInput;
    private final String maskInput;
    private final String typeIdsInput;
    private final String output;
    private final int dimension;

    /**
     * @param model     an open session over the text tower; closed by {@link #close()}
     * @param tokenizer its context length must match the model's when the model fixes it; closed by {@link #close()}
     * @param modelId   what {@link #modelId()} answers
     * @param maxBatch  most texts per model run
     */
    public SigLipTextEncoder(OnnxModel model, SigLipTokenizer tokenizer, String modelId, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.model = model;
        this.tokenizer = tokenizer;
        this.modelId = modelId;
        this.maxBatch = maxBatch;
        OnnxSignature signature = new OnnxSignature(model);
        Map<String, TensorInfo> inputs = signature.inputs();
        this.idsInput = signature.input("input_ids", OnnxJavaType.INT64, 2);
        this.maskInput = optionalInput(inputs, "attention_mask");
        this.typeIdsInput = optionalInput(inputs, "token_type_ids");
        for (String name : inputs.keySet()) {
            if (!name.equals(idsInput) && !name.equals(maskInput) && !name.equals(typeIdsInput)) {
                throw new ModelFilesException(model.file() + ": unexpected input '" + name + "'; inputs are "
                        + OnnxSignature.describe(inputs));
            }
        }
        long declaredLength = signature.shape(idsInput)[1];
        if (declaredLength > 0 && declaredLength != tokenizer.contextLength()) {
            throw new ModelFilesException(model.file() + ": input '" + idsInput + "' takes " + declaredLength
                    + " tokens but the tokenizer is set to " + tokenizer.contextLength());
        }
        this.output = signature.embeddingOutput(EMBEDDING_OUTPUTS);
        long declared = signature.shape(output)[1];
        this.dimension = declared > 0 ? (int) declared : run(List.of("a")).get(0).length;
    }

    /** The token count the model declares for {@code input_ids}, or -1 where it leaves it open. */
    static long declaredContextLength(OnnxModel model) {
        OnnxSignature signature = new OnnxSignature(model);
        return signature.shape(signature.input("input_ids", OnnxJavaType.INT64, 2))[1];
    }

    private static String optionalInput(Map<String, TensorInfo> inputs, String name) {
        TensorInfo info = inputs.get(name);
        return info != null && info.type == OnnxJavaType.INT64 ? name : null;
    }

    @Override
    public List<float[]> encode(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += maxBatch) {
            for (float[] v : run(texts.subList(from, Math.min(from + maxBatch, texts.size())))) {
                out.add(Vectors.normalizeInPlace(v));
            }
        }
        return out;
    }

    private List<float[]> run(List<String> batch) {
        long[] ids = tokenizer.encode(batch);
        long[] shape = {batch.size(), tokenizer.contextLength()};
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put(idsInput, OnnxTensor.createTensor(model.environment(), LongBuffer.wrap(ids), shape));
            if (maskInput != null) {
                feed.put(maskInput, filled(1L, ids.length, shape));
            }
            if (typeIdsInput != null) {
                feed.put(typeIdsInput, filled(0L, ids.length, shape));
            }
            try (OrtSession.Result result = model.session().run(feed, Set.of(output))) {
                return EmbeddingRows.of((OnnxTensor) result.get(output).orElseThrow(), batch.size(), model.file());
            }
        } catch (OrtException e) {
            throw new EncoderException("text model " + model.file() + " failed: " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    private OnnxTensor filled(long value, int count, long[] shape) throws OrtException {
        long[] values = new long[count];
        Arrays.fill(values, value);
        return OnnxTensor.createTensor(model.environment(), LongBuffer.wrap(values), shape);
    }

    public ExecutionProvider provider() {
        return model.provider();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public void close() {
        try {
            model.close();
        } finally {
            tokenizer.close();
        }
    }
}
