package io.stylegraph.models.onnx;

import ai.onnxruntime.OrtEnvironment;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ONNX Runtime must first be loaded on a thread with a large stack: creating its environment on a small one kills
 * the JVM with SIGSEGV (see {@link OnnxRuntimeLoader}). A regression would therefore not fail a test, it would take
 * the whole surefire JVM down with every other test in it. So the check runs in two steps:
 * <ol>
 *   <li>in a fresh JVM per entry point ({@link SmallStackEncoders}), where the very first use of ONNX Runtime in
 *       the process comes from a 256 KB-stack thread: a crash there only ends that child, and this test fails
 *       with its exit code and output;</li>
 *   <li>then, only once both children came through, in this JVM: many small-stack threads ask for the environment at
 *       once and open and run a model. Depending on the order of test classes ONNX Runtime may already be loaded
 *       here (through the loader, since every entry point uses it), so this step proves sharing and small-stack use
 *       after loading, and the first step proves the first load.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnnxRuntimeLoaderTest {

    private static final String[] ENTRY_POINTS = {"built-in", "fashion-siglip"};
    private static final AtomicInteger FRESH_JVMS_PASSED = new AtomicInteger();

    @TempDir
    Path dir;

    static String[] entryPoints() {
        return ENTRY_POINTS.clone();
    }

    private Path tinySigLip() {
        Path models = dir.resolve("siglip");
        TinyModels.write(models.resolve("onnx/vision_model.onnx"), TinyModels.vision(224, 224, true));
        TinyModels.write(models.resolve("onnx/text_model.onnx"), TinyModels.text(16, false));
        TinyTokenizer.write(models);
        return models;
    }

    @Order(1)
    @ParameterizedTest
    @MethodSource("entryPoints")
    void shouldCreateEncodersOnASmallStackThreadInAFreshJvm(String entryPoint) throws Exception {
        Path output = dir.resolve("child.log");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                SmallStackEncoders.class.getName(), entryPoint, tinySigLip().toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!child.waitFor(3, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            fail("child JVM for " + entryPoint + " did not finish in 3 minutes:\n" + tail(output));
        }
        int exit = child.exitValue();
        assertEquals(0, exit, () -> "child JVM for " + entryPoint + " exited with " + exit
                + (exit > 128 ? " (killed by signal " + (exit - 128) + "; 11 is SIGSEGV)" : "") + ":\n" + tail(output));
        int dimension = entryPoint.equals("built-in") ? 384 : TinyModels.DIM;
        assertTrue(Files.readString(output).contains("ok " + dimension + " "), () -> tail(output));
        assertTrue(Files.readString(output).contains("loader=true"), () -> tail(output));
        FRESH_JVMS_PASSED.incrementAndGet();
    }

    @Order(2)
    @Test
    void shouldServeManySmallStackThreadsInThisJvmOnceLoadingIsKnownToWork() throws Exception {
        assumeTrue(FRESH_JVMS_PASSED.get() == ENTRY_POINTS.length,
                "loading from a small stack failed or was not tried in a fresh JVM; not risking this JVM");
        List<FutureTask<OrtEnvironment>> asks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            FutureTask<OrtEnvironment> ask = new FutureTask<>(OnnxRuntimeLoader::environment);
            asks.add(ask);
            new Thread(null, ask, "small-stack-" + i, SmallStackEncoders.SMALL_STACK_BYTES).start();
        }
        OrtEnvironment environment = asks.get(0).get(1, TimeUnit.MINUTES);
        for (FutureTask<OrtEnvironment> ask : asks) {
            assertSame(environment, ask.get(1, TimeUnit.MINUTES));
        }
        assertSame(environment, OrtEnvironment.getEnvironment());
        assertTrue(OnnxRuntimeLoader.isLoaded());

        Path models = tinySigLip();
        float[] vector = SmallStackEncoders.onSmallStack(() -> {
            try (FashionSigLip siglip = FashionSigLip.open(models)) {
                return siglip.imageEncoder().encode(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB));
            }
        });
        assertEquals(TinyModels.DIM, vector.length);
    }

    private static String tail(Path output) {
        try {
            String text = Files.readString(output);
            return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
