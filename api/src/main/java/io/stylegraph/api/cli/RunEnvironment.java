package io.stylegraph.api.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Facts about the machine and revision a measurement ran on, written beside every report. */
public final class RunEnvironment {
    private RunEnvironment() {
    }

    public static Map<String, Object> describe() {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("gitRevision", gitRevision());
        environment.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        environment.put("cores", Runtime.getRuntime().availableProcessors());
        environment.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return environment;
    }

    private static String gitRevision() {
        try {
            Process process = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return out;
            }
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }
}
