package io.stylegraph.api.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The deployment files under {@code docker/}: every YAML file (the compose file, the Kubernetes manifests), the
 * Dockerfiles and the scripts they copy into the images, reduced to what the checks look at: the containers that run
 * the app (their environment, arguments, ports and probes), the Kubernetes Services in front of them, and the
 * problems found while reading.
 */
final class DeploymentFiles {
    /** Containers whose image name contains this run the app. */
    static final String APP_IMAGE = "stylegraph-";
    private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)");

    /** A place where the app runs: a compose service or a Kubernetes container. */
    record AppContainer(String where, Map<String, String> environment, List<String> arguments,
                        Map<String, Integer> namedPorts, List<Integer> ports, List<Probe> probes) {
    }

    /** An HTTP request a probe, health check or scraper sends: {@code port} is a number, a port name or null. */
    record Probe(String where, String path, String port) {
    }

    /** A Kubernetes Service: the pod labels it selects and the target ports it forwards to. */
    record Service(String where, Map<String, String> selector, List<String> targetPorts) {
    }

    private final Path dockerDirectory;
    private final Path buildContext;
    private final List<String> problems = new ArrayList<>();
    private final List<AppContainer> containers = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<Dockerfile> dockerfiles = new ArrayList<>();
    private final List<Path> imageScripts = new ArrayList<>();
    /** Kubernetes pod templates with their labels, to match Services against. */
    private final Map<Map<String, String>, List<AppContainer>> podsByLabels = new LinkedHashMap<>();
    private final Map<String, Set<String>> configMapKeys = new LinkedHashMap<>();
    private final Map<String, Set<String>> secretKeys = new LinkedHashMap<>();
    private final List<Path> kustomizations = new ArrayList<>();

    private DeploymentFiles(Path dockerDirectory, Path buildContext) {
        this.dockerDirectory = dockerDirectory;
        this.buildContext = buildContext;
    }

    /** Reads {@code dockerDirectory}; Dockerfile sources are relative to {@code buildContext}, the repository root. */
    static DeploymentFiles read(Path dockerDirectory, Path buildContext) {
        DeploymentFiles files = new DeploymentFiles(dockerDirectory, buildContext);
        files.readDockerfiles();
        Map<Path, List<Map<String, Object>>> yaml = files.readYaml();
        // config maps and secrets first: containers refer to them
        yaml.values().forEach(documents -> documents.forEach(files::readConfigSource));
        yaml.forEach(files::readDocuments);
        return files;
    }

    List<String> problems() {
        return problems;
    }

    List<AppContainer> containers() {
        return containers;
    }

    List<Service> services() {
        return services;
    }

    List<Dockerfile> dockerfiles() {
        return dockerfiles;
    }

    Map<Map<String, String>, List<AppContainer>> podsByLabels() {
        return podsByLabels;
    }

    Path buildContext() {
        return buildContext;
    }

    List<Path> kustomizations() {
        return kustomizations;
    }

    /** Environment variables the images' own command lines and scripts read. */
    Set<String> imageEnvironmentVariables() {
        Set<String> names = new LinkedHashSet<>();
        for (Dockerfile dockerfile : dockerfiles) {
            dockerfile.runTimeCommands().forEach(command -> collect(command, names));
        }
        for (Path script : imageScripts) {
            collect(text(script), names);
        }
        return names;
    }

    /** Probes, health checks and scrape paths of the app, in every file. */
    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        containers.forEach(container -> probes.addAll(container.probes()));
        for (Dockerfile dockerfile : dockerfiles) {
            for (String command : dockerfile.runTimeCommands()) {
                probes.addAll(urlProbes(relative(dockerfile.file()), command));
            }
        }
        return probes;
    }

    private void readDockerfiles() {
        try (Stream<Path> files = Files.walk(dockerDirectory)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().matches("(.+\\.)?Dockerfile"))
                    .sorted()
                    .forEach(file -> dockerfiles.add(Dockerfile.parse(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Dockerfile dockerfile : dockerfiles) {
            for (String source : dockerfile.copiedSources()) {
                Path copied = buildContext.resolve(source).normalize();
                if (copied.startsWith(dockerDirectory) && Files.isRegularFile(copied)) {
                    imageScripts.add(copied);
                }
            }
        }
    }

    private Map<Path, List<Map<String, Object>>> readYaml() {
        Map<Path, List<Map<String, Object>>> documents = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dockerDirectory)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().matches(".+\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            List<Map<String, Object>> parsed = new ArrayList<>();
            try {
                for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text(file))) {
                    if (document instanceof Map<?, ?>) {
                        parsed.add(map(document));
                    } else if (document != null) {
                        problems.add(relative(file) + ": a document is not a mapping");
                    }
                }
            } catch (YAMLException e) {
                problems.add(relative(file) + ": not valid YAML: " + e.getMessage());
                continue;
            }
            documents.put(file, parsed);
        }
        return documents;
    }

    private void readConfigSource(Map<String, Object> document) {
        String kind = String.valueOf(document.get("kind"));
        String name = String.valueOf(map(document.get("metadata")).get("name"));
        if ("ConfigMap".equals(kind)) {
            configMapKeys.put(name, map(document.get("data")).keySet());
        } else if ("Secret".equals(kind)) {
            Set<String> keys = new LinkedHashSet<>(map(document.get("data")).keySet());
            keys.addAll(map(document.get("stringData")).keySet());
            secretKeys.put(name, keys);
        }
    }

    private void readDocuments(Path file, List<Map<String, Object>> documents) {
        for (Map<String, Object> document : documents) {
            if (document.containsKey("services") && !document.containsKey("kind")) {
                readCompose(file, document);
            } else if ("Kustomization".equals(document.get("kind"))) {
                kustomizations.add(file);
                for (Object resource : list(document.get("resources"))) {
                    if (!Files.isRegularFile(file.resolveSibling(String.valueOf(resource)))) {
                        problems.add(relative(file) + ": resource " + resource + " does not exist");
                    }
                }
            } else if ("Service".equals(document.get("kind"))) {
                Map<String, Object> spec = map(document.get("spec"));
                List<String> targetPorts = list(spec.get("ports")).stream()
                        .map(port -> String.valueOf(map(port).getOrDefault("targetPort", map(port).get("port"))))
                        .toList();
                services.add(new Service(where(file, document), strings(spec.get("selector")), targetPorts));
            } else if (document.containsKey("kind")) {
                readPodTemplate(file, document);
            }
        }
    }

    private void readCompose(Path file, Map<String, Object> compose) {
        map(compose.get("services")).forEach((name, definition) -> {
            Map<String, Object> service = map(definition);
            if (!runsTheApp(file, service)) {
                return;
            }
            String where = relative(file) + " service " + name;
            Map<String, String> environment = new LinkedHashMap<>();
            Object declared = service.get("environment");
            if (declared instanceof List<?> entries) {
                for (Object entry : entries) {
                    String[] pair = String.valueOf(entry).split("=", 2);
                    environment.put(pair[0], pair.length > 1 ? pair[1] : "");
                }
            } else {
                map(declared).forEach((key, value) -> environment.put(key, value == null ? "" : String.valueOf(value)));
            }
            List<String> arguments = new ArrayList<>(commandWords(service.get("entrypoint")));
            arguments.addAll(commandWords(service.get("command")));
            List<Integer> ports = new ArrayList<>();
            for (Object port : list(service.get("ports"))) {
                Integer target = port instanceof Map<?, ?> longSyntax ? Integer.valueOf(String.valueOf(longSyntax.get("target")))
                        : containerSide(String.valueOf(port));
                if (target != null) {
                    ports.add(target);
                }
            }
            List<Probe> probes = new ArrayList<>();
            Object test = map(service.get("healthcheck")).get("test");
            if (test != null) {
                probes.addAll(urlProbes(where + " healthcheck", String.join(" ", commandWords(test))));
            }
            containers.add(new AppContainer(where, environment, arguments, Map.of(), ports, probes));
        });
    }

    private boolean runsTheApp(Path file, Map<String, Object> service) {
        if (String.valueOf(service.get("image")).contains(APP_IMAGE)) {
            return true;
        }
        Object build = service.get("build");
        if (build == null) {
            return false;
        }
        Map<String, Object> settings = build instanceof Map<?, ?> ? map(build) : Map.of("context", build);
        Path context = file.getParent().resolve(String.valueOf(settings.getOrDefault("context", "."))).normalize();
        Path dockerfile = context.resolve(String.valueOf(settings.getOrDefault("dockerfile", "Dockerfile"))).normalize();
        boolean ours = dockerfiles.stream().anyMatch(d -> d.file().normalize().equals(dockerfile));
        if (!ours) {
            problems.add(relative(file) + ": build file " + dockerfile + " is not a Dockerfile under docker/");
        }
        if (!context.equals(buildContext.normalize())) {
            problems.add(relative(file) + ": build context " + context + " is not the repository root");
        }
        return ours;
    }

    private void readPodTemplate(Path file, Map<String, Object> document) {
        Map<String, Object> spec = map(document.get("spec"));
        Map<String, Object> template = switch (String.valueOf(document.get("kind"))) {
            case "CronJob" -> map(map(map(spec.get("jobTemplate")).get("spec")).get("template"));
            case "Pod" -> document;
            default -> map(spec.get("template"));
        };
        Map<String, Object> podSpec = map(template.get("spec"));
        Map<String, String> labels = strings(map(template.get("metadata")).get("labels"));
        Map<String, String> annotations = strings(map(template.get("metadata")).get("annotations"));
        for (Object element : list(podSpec.get("containers"))) {
            Map<String, Object> container = map(element);
            if (!String.valueOf(container.get("image")).contains(APP_IMAGE)) {
                continue;
            }
            String where = where(file, document) + " container " + container.get("name");
            Map<String, String> environment = new LinkedHashMap<>();
            for (Object from : list(container.get("envFrom"))) {
                Map<String, Object> source = map(from);
                referencedKeys(where, "ConfigMap", configMapKeys, map(source.get("configMapRef")).get("name"))
                        .forEach(key -> environment.put(key, "(from ConfigMap)"));
                referencedKeys(where, "Secret", secretKeys, map(source.get("secretRef")).get("name"))
                        .forEach(key -> environment.put(key, "(from Secret)"));
            }
            for (Object variable : list(container.get("env"))) {
                Map<String, Object> entry = map(variable);
                Map<String, Object> secretKey = map(map(entry.get("valueFrom")).get("secretKeyRef"));
                if (!secretKey.isEmpty()) {
                    Set<String> keys = referencedKeys(where, "Secret", secretKeys, secretKey.get("name"));
                    if (!keys.isEmpty() && !keys.contains(String.valueOf(secretKey.get("key")))) {
                        problems.add(where + ": Secret " + secretKey.get("name") + " has no key " + secretKey.get("key"));
                    }
                }
                environment.put(String.valueOf(entry.get("name")),
                        entry.get("value") == null ? "(from a reference)" : String.valueOf(entry.get("value")));
            }
            List<String> arguments = new ArrayList<>(commandWords(container.get("command")));
            arguments.addAll(commandWords(container.get("args")));
            Map<String, Integer> namedPorts = new LinkedHashMap<>();
            List<Integer> ports = new ArrayList<>();
            for (Object port : list(container.get("ports"))) {
                int number = Integer.parseInt(String.valueOf(map(port).get("containerPort")));
                ports.add(number);
                if (map(port).get("name") != null) {
                    namedPorts.put(String.valueOf(map(port).get("name")), number);
                }
            }
            List<Probe> probes = new ArrayList<>();
            for (String kind : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Map<String, Object> httpGet = map(map(container.get(kind)).get("httpGet"));
                if (!httpGet.isEmpty()) {
                    probes.add(new Probe(where + " " + kind, String.valueOf(httpGet.get("path")),
                            String.valueOf(httpGet.get("port"))));
                }
            }
            if ("true".equals(annotations.get("prometheus.io/scrape"))) {
                probes.add(new Probe(where + " prometheus.io annotations", annotations.get("prometheus.io/path"),
                        annotations.get("prometheus.io/port")));
            }
            AppContainer app = new AppContainer(where, environment, arguments, namedPorts, ports, probes);
            containers.add(app);
            podsByLabels.computeIfAbsent(labels, key -> new ArrayList<>()).add(app);
        }
    }

    private Set<String> referencedKeys(String where, String kind, Map<String, Set<String>> defined, Object name) {
        if (name == null) {
            return Set.of();
        }
        Set<String> keys = defined.get(String.valueOf(name));
        if (keys == null) {
            problems.add(where + ": " + kind + " " + name + " is not defined under docker/");
            return Set.of();
        }
        return keys;
    }

    private static final Pattern URL = Pattern.compile(
            "https?://[^/:\\s\"']+(?::(\\d+|\\$\\{[A-Z_]+:-\\d+}))?(/[^\\s\"']*)");

    private static List<Probe> urlProbes(String where, String command) {
        List<Probe> probes = new ArrayList<>();
        Matcher url = URL.matcher(command);
        while (url.find()) {
            String port = url.group(1) == null ? "80" : url.group(1).replaceAll("\\$\\{[A-Z_]+:-(\\d+)}", "$1");
            probes.add(new Probe(where, url.group(2), port));
        }
        return probes;
    }

    private static Integer containerSide(String mapping) {
        String withoutProtocol = mapping.replaceFirst("/(tcp|udp)$", "");
        String target = withoutProtocol.substring(withoutProtocol.lastIndexOf(':') + 1);
        return target.matches("\\d+") ? Integer.valueOf(target) : null;
    }

    private static List<String> commandWords(Object command) {
        if (command == null) {
            return List.of();
        }
        if (command instanceof List<?> words) {
            return words.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(command).trim().split("\\s+"));
    }

    private static void collect(String text, Set<String> names) {
        Matcher variable = SHELL_VARIABLE.matcher(text);
        while (variable.find()) {
            names.add(variable.group(1));
        }
    }

    private String where(Path file, Map<String, Object> document) {
        return relative(file) + " " + document.get("kind") + " " + map(document.get("metadata")).get("name");
    }

    private String relative(Path file) {
        return dockerDirectory.getParent() == null ? file.toString()
                : dockerDirectory.getParent().relativize(file).toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put(String.valueOf(key), element));
            return copy;
        }
        return Map.of();
    }

    private static Map<String, String> strings(Object value) {
        Map<String, String> strings = new LinkedHashMap<>();
        map(value).forEach((key, element) -> strings.put(key, String.valueOf(element)));
        return strings;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
