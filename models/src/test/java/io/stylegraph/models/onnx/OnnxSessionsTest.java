package io.stylegraph.models.onnx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnnxSessionsTest {

    @TempDir
    Path dir;

    @Test
    void shouldFallBackToCpuWhenCudaCannotBeUsed() {
        // The test classpath carries the CPU build of ONNX Runtime, which has no CUDA provider to add.
        Path file = TinyModels.write(dir.resolve("m.onnx"), TinyModels.text(4, false));
        try (OnnxModel model = new OnnxSessions(ExecutionProvider.CUDA, 0, 1).open(file)) {
            assertEquals(ExecutionProvider.CPU, model.provider());
            assertEquals(1, model.session().getNumInputs());
        }
    }

    @Test
    void shouldNameAMissingOrBrokenModelFile() throws Exception {
        OnnxSessions sessions = new OnnxSessions();
        ModelFilesException missing = assertThrows(ModelFilesException.class, () -> sessions.open(dir.resolve("none.onnx")));
        assertTrue(missing.getMessage().contains("none.onnx"));

        Path broken = java.nio.file.Files.writeString(dir.resolve("broken.onnx"), "not a model");
        ModelFilesException unreadable = assertThrows(ModelFilesException.class, () -> sessions.open(broken));
        assertTrue(unreadable.getMessage().contains("broken.onnx"));
    }
}
