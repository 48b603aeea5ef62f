package io.stylegraph.models.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The tensor inputs and outputs an ONNX session declares, read from its metadata rather than assumed. */
final class OnnxSignature {

    private final OnnxModel model;
    private final Map<String, TensorInfo> inputs;
    private final Map<String, TensorInfo> outputs;

    OnnxSignature(OnnxModel model) {
        this.model = model;
        try {
            this.inputs = tensors(model.session().getInputInfo());
            this.outputs = tensors(model.session().getOutputInfo());
        } catch (OrtException e) {
            throw new ModelFilesException("cannot read inputs and outputs of " + model.file() + ": " + e.getMessage(), e);
        }
    }

    Map<String, TensorInfo> inputs() {
        return inputs;
    }

    /**
     * The input with the given name, or else the only input of the given type and rank.
     */
    String input(String preferredName, OnnxJavaType type, int rank) {
        TensorInfo named = inputs.get(preferredName);
        if (named != null && named.type == type && named.getShape().length == rank) {
            return preferredName;
        }
        List<String> candidates = inputs.entrySet().stream()
                .filter(e -> e.getValue().type == type && e.getValue().getShape().length == rank)
                .map(Map.Entry::getKey)
                .toList();
        if (candidates.size() != 1) {
            throw new ModelFilesException(String.format("%s: expected one %s input of rank %d (ideally '%s'), found %s",
                    model.file(), type, rank, preferredName, describe(inputs)));
        }
        return candidates.get(0);
    }

    /**
     * The first output of {@code preferredNames} that is a float matrix, or else the only float matrix output:
     * exports name the pooled embedding differently (image_embeds, text_embeds, pooler_output).
     */
    String embeddingOutput(List<String> preferredNames) {
        for (String name : preferredNames) {
            TensorInfo info = outputs.get(name);
            if (info != null && isFloatMatrix(info)) {
                return name;
            }
        }
        List<String> matrices = outputs.entrySet().stream()
                .filter(e -> isFloatMatrix(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        if (matrices.size() != 1) {
            throw new ModelFilesException(String.format(
                    "%s: cannot tell which output is the embedding (tried %s, then the only float [batch, dim] output); outputs are %s",
                    model.file(), preferredNames, describe(outputs)));
        }
        return matrices.get(0);
    }

    long[] shape(String name) {
        TensorInfo info = inputs.containsKey(name) ? inputs.get(name) : outputs.get(name);
        return info.getShape();
    }

    private static boolean isFloatMatrix(TensorInfo info) {
        return info.type == OnnxJavaType.FLOAT && info.getShape().length == 2;
    }

    private Map<String, TensorInfo> tensors(Map<String, NodeInfo> nodes) {
        Map<String, TensorInfo> out = new LinkedHashMap<>();
        for (Map.Entry<String, NodeInfo> e : nodes.entrySet()) {
            if (e.getValue().getInfo() instanceof TensorInfo tensor) {
                out.put(e.getKey(), tensor);
            } else {
                throw new ModelFilesException(model.file() + ": '" + e.getKey() + "' is not a tensor: "
                        + e.getValue().getInfo());
            }
        }
        return out;
    }

    static String describe(Map<String, TensorInfo> tensors) {
        return tensors.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().type + Arrays.toString(e.getValue().getShape()))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
