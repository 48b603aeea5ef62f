package io.stylegraph.training.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The commit the working directory is at, with "-dirty" when it has uncommitted changes; "unknown" without git. Every
 * report and registered model names the code that made it this one way.
 */
public final class GitRevision {

    private GitRevision() {
    }

    public static String current() {
        String head = run("git", "rev-parse", "HEAD");
        if (head == null || head.isBlank()) {
            return "unknown";
        }
        String status = run("git", "status", "--porcelain", "--untracked-files=no");
        return head.strip() + (status != null && !status.isBlank() ? "-dirty" : "");
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
