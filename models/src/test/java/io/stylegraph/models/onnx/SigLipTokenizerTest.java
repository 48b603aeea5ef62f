package io.stylegraph.models.onnx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.stylegraph.models.onnx.TinyTokenizer.EOS;
import static io.stylegraph.models.onnx.TinyTokenizer.PAD;
import static io.stylegraph.models.onnx.TinyTokenizer.UNK;
import static io.stylegraph.models.onnx.TinyTokenizer.id;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SigLipTokenizerTest {

    @TempDir
    Path dir;

    @Test
    void shouldAppendEndOfTextAndPadToTheContextLength() {
        try (SigLipTokenizer tokenizer = new SigLipTokenizer(TinyTokenizer.write(dir), 6, "[PAD]", true)) {
            assertEquals(PAD, tokenizer.padId());
            assertArrayEquals(new long[] {id("red"), id("summer"), id("dress"), EOS, PAD, PAD},
                    tokenizer.encode(List.of("red summer dress")));
        }
    }

    @Test
    void shouldCanonicalizeLikeOpenClipBeforeTokenizing() {
        try (SigLipTokenizer tokenizer = new SigLipTokenizer(TinyTokenizer.write(dir), 4, "[PAD]", true)) {
            // "T-Shirt" loses its hyphen and case: one word, as open_clip's canonicalize makes it
            assertArrayEquals(new long[] {id("tshirt"), id("blue"), EOS, PAD}, tokenizer.encode(List.of("  T-Shirt,  BLUE! ")));
        }
        try (SigLipTokenizer raw = new SigLipTokenizer(TinyTokenizer.write(dir), 4, "[PAD]", false)) {
            assertArrayEquals(new long[] {UNK, UNK, EOS, PAD}, raw.encode(List.of("Red Dress")));
        }
    }

    @Test
    void shouldTruncateButKeepTheEndOfTextToken() {
        try (SigLipTokenizer tokenizer = new SigLipTokenizer(TinyTokenizer.write(dir), 4, "</s>", true)) {
            assertEquals(EOS, tokenizer.padId());
            assertArrayEquals(new long[] {id("black"), id("wool"), id("coat"), EOS,
                            id("red"), EOS, EOS, EOS},
                    tokenizer.encode(List.of("black wool coat linen shirt", "red")));
        }
    }

    @Test
    void shouldRejectBlankTexts() {
        try (SigLipTokenizer tokenizer = new SigLipTokenizer(TinyTokenizer.write(dir), 4, "[PAD]", true)) {
            assertThrows(IllegalArgumentException.class, () -> tokenizer.encode(List.of("red", " ")));
        }
    }

    @Test
    void shouldRefuseAPadTokenThatIsNotOneToken() {
        Path file = TinyTokenizer.write(dir);
        ModelFilesException e = assertThrows(ModelFilesException.class,
                () -> new SigLipTokenizer(file, 4, "red dress", true));
        assertEquals(true, e.getMessage().contains("pad token 'red dress'"));
    }
}
