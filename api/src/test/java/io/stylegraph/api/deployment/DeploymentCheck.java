package io.stylegraph.api.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stylegraph.api.deployment.DeploymentFiles.AppContainer;
import io.stylegraph.api.deployment.DeploymentFiles.Probe;
import io.stylegraph.api.deployment.DeploymentFiles.Service;

/**
 * What can be checked in the deployment files without a Docker engine or a cluster: they parse, every environment
 * variable and {@code -D} property they give the app is configuration the app reads, the Dockerfiles copy files that
 * exist, and the ports of containers, probes, health checks and Services are the port the app listens on. Whether
 * the probe paths answer is checked against the running app by {@code DeploymentProbesTest}.
 */
final class DeploymentCheck {
    private static final Pattern SYSTEM_PROPERTY = Pattern.compile("-D([A-Za-z0-9_.\\-]+)(?:=|\\s|$)");
    /** -D properties of the JVM and of libraries that read system properties themselves. */
    private static final List<String> JVM_NAMESPACES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "user.",
            "file.", "os.", "line.", "org.bytedeco.", "io.netty.", "ai.djl.", "logback.");
    /**
     * Keys that {@code stylegraph serve} and {@code train} set themselves from their options, above the environment:
     * a deployment sets these through the options' variables instead ({@code DeploymentFilesTest} checks the list
     * against the command sources).
     */
    static final Map<String, String> SET_BY_THE_COMMAND_LINE = Map.of(
            "micronaut.server.port", "STYLEGRAPH_PORT or --port",
            "stylegraph.training.artifact-dir", "STYLEGRAPH_DATA_DIR or --data-dir (models/ under it)",
            "stylegraph.search.image-dir", "STYLEGRAPH_DATA_DIR or --data-dir (uploads/ under it)",
            "stylegraph.search.index-dir", "STYLEGRAPH_DATA_DIR or --data-dir (indexes/ under it)",
            "stylegraph.datasets-dir", "STYLEGRAPH_DATASETS_DIR or --datasets-dir");

    private final DeploymentFiles files;
    private final AppConfiguration app;

    DeploymentCheck(DeploymentFiles files, AppConfiguration app) {
        this.files = files;
        this.app = app;
        app.addImageEnvironmentVariables(files.imageEnvironmentVariables());
    }

    /** Everything wrong, one line each; empty when the files are consistent with the app. */
    List<String> problems() {
        List<String> problems = new ArrayList<>(files.problems());
        problems.addAll(configurationProblems());
        problems.addAll(copyProblems());
        problems.addAll(portProblems());
        return problems;
    }

    List<String> configurationProblems() {
        List<String> problems = new ArrayList<>();
        for (Dockerfile dockerfile : files.dockerfiles()) {
            dockerfile.environment().forEach((name, value) ->
                    checkVariable(files.buildContext().relativize(dockerfile.file()) + " ENV", name, value, problems));
        }
        for (AppContainer container : files.containers()) {
            container.environment().forEach((name, value) -> checkVariable(container.where(), name, value, problems));
            checkSystemProperties(container.where() + " arguments", String.join(" ", container.arguments()), problems);
        }
        return problems;
    }

    private void checkVariable(String where, String name, String value, List<String> problems) {
        if (!app.readsEnvironmentVariable(name)) {
            problems.add(where + ": environment variable " + name + " is not configuration the app reads (no key "
                    + AppConfiguration.micronautKeys(name).stream().findFirst().orElse(name) + ", no placeholder)");
        } else if (!app.readsVariableItself(name)) {
            AppConfiguration.micronautKeys(name).stream().filter(SET_BY_THE_COMMAND_LINE::containsKey).findFirst()
                    .ifPresent(key -> problems.add(where + ": " + name + " has no effect: the command line sets " + key
                            + " itself; use " + SET_BY_THE_COMMAND_LINE.get(key)));
        }
        checkSystemProperties(where + " " + name, value, problems);
    }

    private void checkSystemProperties(String where, String text, List<String> problems) {
        Matcher property = SYSTEM_PROPERTY.matcher(text);
        while (property.find()) {
            String key = property.group(1);
            if (JVM_NAMESPACES.stream().anyMatch(key::startsWith)) {
                continue;
            }
            boolean known = key.matches("[A-Z][A-Z0-9_]*") ? app.readsEnvironmentVariable(key) : app.readsProperty(key);
            if (!known) {
                problems.add(where + ": -D" + key + " is not a configuration key of the app");
            } else if (SET_BY_THE_COMMAND_LINE.containsKey(key)) {
                problems.add(where + ": -D" + key + " has no effect: the command line sets it itself; use "
                        + SET_BY_THE_COMMAND_LINE.get(key));
            }
        }
    }

    List<String> copyProblems() {
        List<String> problems = new ArrayList<>();
        for (Dockerfile dockerfile : files.dockerfiles()) {
            for (String source : dockerfile.copiedSources()) {
                if (!Files.exists(files.buildContext().resolve(source))) {
                    problems.add(files.buildContext().relativize(dockerfile.file()) + ": COPY source " + source
                            + " does not exist in the build context (the repository root)");
                }
            }
        }
        return problems;
    }

    List<String> portProblems() {
        List<String> problems = new ArrayList<>();
        for (Dockerfile dockerfile : files.dockerfiles()) {
            for (int exposed : dockerfile.exposedPorts()) {
                if (exposed != imagePort()) {
                    problems.add(files.buildContext().relativize(dockerfile.file()) + ": EXPOSE " + exposed
                            + " but the app listens on " + imagePort());
                }
            }
            for (Probe probe : files.probes()) {
                if (probe.where().startsWith(files.buildContext().relativize(dockerfile.file()).toString())
                        && !String.valueOf(imagePort()).equals(probe.port())) {
                    problems.add(probe.where() + ": checks port " + probe.port() + " but the app listens on " + imagePort());
                }
            }
        }
        for (AppContainer container : files.containers()) {
            int port = listeningPort(container);
            for (int declared : container.ports()) {
                if (declared != port) {
                    problems.add(container.where() + ": port " + declared + " but the app listens on " + port);
                }
            }
            for (Probe probe : container.probes()) {
                Integer target = resolve(container, probe.port());
                if (target == null) {
                    problems.add(probe.where() + ": port " + probe.port() + " is not a port of the container");
                } else if (target != port) {
                    problems.add(probe.where() + ": checks port " + target + " but the app listens on " + port);
                }
            }
        }
        for (Service service : files.services()) {
            List<AppContainer> selected = files.podsByLabels().entrySet().stream()
                    .filter(pod -> pod.getKey().entrySet().containsAll(service.selector().entrySet()))
                    .flatMap(pod -> pod.getValue().stream()).toList();
            if (selected.isEmpty()) {
                problems.add(service.where() + ": selects no app pod template");
            }
            for (String targetPort : service.targetPorts()) {
                for (AppContainer container : selected) {
                    Integer target = resolve(container, targetPort);
                    if (target == null || target != listeningPort(container)) {
                        problems.add(service.where() + ": targetPort " + targetPort + " is not the port "
                                + container.where() + " listens on (" + listeningPort(container) + ")");
                    }
                }
            }
        }
        return problems;
    }

    /** The port the app in this container listens on: --port, else STYLEGRAPH_PORT, else the image's, else 8080. */
    int listeningPort(AppContainer container) {
        List<String> arguments = container.arguments();
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).equals("--port") && i + 1 < arguments.size()) {
                return Integer.parseInt(arguments.get(i + 1));
            }
            if (arguments.get(i).startsWith("--port=")) {
                return Integer.parseInt(arguments.get(i).substring("--port=".length()));
            }
        }
        String variable = container.environment().get("STYLEGRAPH_PORT");
        if (variable != null && variable.matches("\\d+")) {
            return Integer.parseInt(variable);
        }
        return imagePort();
    }

    private int imagePort() {
        return files.dockerfiles().stream().map(d -> d.environment().get("STYLEGRAPH_PORT"))
                .filter(value -> value != null && value.matches("\\d+")).map(Integer::valueOf).findFirst()
                .orElse(app.defaultPort());
    }

    private static Integer resolve(AppContainer container, String port) {
        if (port == null) {
            return null;
        }
        if (port.matches("\\d+")) {
            return Integer.valueOf(port);
        }
        return container.namedPorts().get(port);
    }
}
