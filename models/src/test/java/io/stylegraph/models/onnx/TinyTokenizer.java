package io.stylegraph.models.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A word-level Hugging Face tokenizer.json with SigLIP's shape: whitespace split, an end-of-text token appended by
 * the post-processor, a separate pad token. Ids: [PAD]=0, [UNK]=1, &lt;/s&gt;=2, then the words in {@link #WORDS}.
 */
final class TinyTokenizer {

    static final long PAD = 0;
    static final long UNK = 1;
    static final long EOS = 2;
    static final List<String> WORDS = List.of("red", "summer", "dress", "leather", "boots", "tshirt", "blue",
            "linen", "shirt", "wool", "coat", "black");

    private TinyTokenizer() {
    }

    static long id(String word) {
        return 3 + WORDS.indexOf(word);
    }

    static Path write(Path dir) {
        String vocab = IntStream.range(0, WORDS.size())
                .mapToObj(i -> "\"" + WORDS.get(i) + "\": " + (i + 3))
                .collect(Collectors.joining(", "));
        String json = """
                {
                  "version": "1.0",
                  "truncation": null,
                  "padding": null,
                  "added_tokens": [
                    {"id": 0, "content": "[PAD]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
                    {"id": 1, "content": "[UNK]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
                    {"id": 2, "content": "</s>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}
                  ],
                  "normalizer": null,
                  "pre_tokenizer": {"type": "Whitespace"},
                  "post_processor": {
                    "type": "TemplateProcessing",
                    "single": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
                    "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 0}},
                             {"SpecialToken": {"id": "</s>", "type_id": 0}}],
                    "special_tokens": {"</s>": {"id": "</s>", "ids": [2], "tokens": ["</s>"]}}
                  },
                  "decoder": null,
                  "model": {"type": "WordLevel", "vocab": {"[PAD]": 0, "[UNK]": 1, "</s>": 2, VOCAB}, "unk_token": "[UNK]"}
                }
                """.replace("VOCAB", vocab);
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("tokenizer.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeSpecialTokensMap(Path dir, String padToken) {
        try {
            Files.writeString(dir.resolve("special_tokens_map.json"),
                    "{\"eos_token\": {\"content\": \"</s>\"}, \"pad_token\": {\"content\": \"" + padToken + "\"}}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
