package io.stylegraph.models.onnx;

import io.stylegraph.models.Encoders;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Started in a JVM of its own by {@link OnnxRuntimeLoaderTest}: the process's first use of ONNX Runtime happens on a
 * thread with a 256 KB stack, through one public entry point of this module ({@code built-in}:
 * {@link Encoders#builtIn()}; {@code fashion-siglip}: {@link Encoders#fashionSigLip} on the tiny towers in the given
 * directory). Prints {@code ok <text dim> <image dim>} and exits 0; an exception exits 1, a native crash kills only
 * this process.
 */
final class SmallStackEncoders {

    static final long SMALL_STACK_BYTES = 256 * 1024;

    private SmallStackEncoders() {
    }

    public static void main(String[] args) throws Exception {
        String entryPoint = args[0];
        Path modelDir = Path.of(args[1]);
        try {
            String result = onSmallStack(() -> {
                try (Encoders encoders = entryPoint.equals("built-in") ? Encoders.builtIn()
                        : Encoders.fashionSigLip(modelDir, new OnnxSessions(), 4)) {
                    float[] text = encoders.texts().encode(List.of("red summer dress")).get(0);
                    float[] image = encoders.images().encode(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB));
                    return "ok " + text.length + " " + image.length + " loader=" + OnnxRuntimeLoader.isLoaded();
                }
            });
            System.out.println(result);
            System.out.flush();
            System.exit(0);
        } catch (ExecutionException e) {
            e.getCause().printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
    }

    /** Runs {@code work} on a new thread with a {@link #SMALL_STACK_BYTES} stack and returns its result. */
    static <T> T onSmallStack(Callable<T> work) throws ExecutionException, InterruptedException {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(null, task, "small-stack", SMALL_STACK_BYTES);
        thread.start();
        return task.get();
    }
}
