package io.stylegraph.api.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The configuration the application really reads, gathered from its own sources: every
 * {@code META-INF/spring-configuration-metadata.json} on the classpath (the app's {@code @ConfigurationProperties} and
 * those of Micronaut and its modules), the keys of {@code application.yml} and the placeholders in it, the
 * placeholders and {@code @Requires(property)} of the main Java sources, the environment variables the command line
 * ({@code ${NAME:-default}} option defaults, {@code System.getenv}) and {@code logback.xml} read, and a short list of
 * keys of libraries this branch does not carry yet ({@code deployment/known-config-keys.txt}).
 */
final class AppConfiguration {
    private static final Pattern PROPERTY_PLACEHOLDER = Pattern.compile("\\$\\{([a-z][a-z0-9.\\-]*)[:}]");
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern REQUIRES_PROPERTY = Pattern.compile("property\\s*=\\s*\"([a-z][a-z0-9.\\-]*)\"");
    private static final Pattern PICOCLI_ENV_DEFAULT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):-");
    private static final Pattern GETENV = Pattern.compile("System\\.getenv\\(\"([A-Z][A-Z0-9_]*)\"\\)");
    private static final Pattern SERVER_PORT_DEFAULT = Pattern.compile("\\$\\{STYLEGRAPH_PORT:(\\d+)}");
    private static final List<String> MAIN_MODULES = List.of("api", "training", "graph-model", "models");

    private final Set<String> properties = new LinkedHashSet<>();
    private final Set<String> mapProperties = new LinkedHashSet<>();
    /** Keys with a {@code *} segment (an {@code @EachProperty} name, e.g. {@code datasources.*.dialect}). */
    private final List<Pattern> wildcardProperties = new ArrayList<>();
    private final Set<String> environmentVariables = new LinkedHashSet<>();
    private int defaultPort;

    private AppConfiguration() {
    }

    /** Reads the application of the repository at {@code root} (the classpath is this test's, the app's). */
    static AppConfiguration of(Path root) {
        AppConfiguration configuration = new AppConfiguration();
        configuration.readMetadata();
        configuration.readApplicationYaml(root.resolve("api/src/main/resources/application.yml"));
        for (String module : MAIN_MODULES) {
            configuration.readSources(root.resolve(module).resolve("src/main/java"));
        }
        configuration.readLogbackFiles(root.resolve("api/src/main/resources"));
        configuration.readKnownKeys();
        return configuration;
    }

    /** Also accepts the environment variables a deployment's own scripts read (the image's entry point). */
    void addImageEnvironmentVariables(Set<String> names) {
        environmentVariables.addAll(names);
    }

    boolean readsProperty(String key) {
        if (properties.contains(key) || wildcardProperties.stream().anyMatch(p -> p.matcher(key).matches())) {
            return true;
        }
        return mapProperties.stream().anyMatch(prefix -> key.startsWith(prefix + "."));
    }

    /** True when the app, its command line or its logging configuration reads the variable by name. */
    boolean readsVariableItself(String name) {
        return environmentVariables.contains(name);
    }

    /** True when the app reads the variable itself or Micronaut maps it onto a key the app reads. */
    boolean readsEnvironmentVariable(String name) {
        return environmentVariables.contains(name) || micronautKeys(name).stream().anyMatch(this::readsProperty);
    }

    /** The HTTP port when neither STYLEGRAPH_PORT nor --port says otherwise. */
    int defaultPort() {
        return defaultPort;
    }

    /**
     * The property keys Micronaut's environment property source derives from a variable: lower case, each underscore
     * a dot or a hyphen ({@code STYLEGRAPH_NEO4J_URI} → {@code stylegraph.neo4j.uri}, {@code stylegraph.neo4j-uri}, …).
     */
    static List<String> micronautKeys(String name) {
        if (!name.matches("[A-Z0-9_]+")) {
            return List.of();
        }
        String[] parts = name.toLowerCase().split("_");
        List<String> keys = new ArrayList<>();
        int joins = parts.length - 1;
        if (joins > 16) {
            return List.of(String.join(".", parts));
        }
        for (int mask = 0; mask < (1 << joins); mask++) {
            StringBuilder key = new StringBuilder(parts[0]);
            for (int j = 0; j < joins; j++) {
                key.append((mask & (1 << j)) == 0 ? '.' : '-').append(parts[j + 1]);
            }
            keys.add(key.toString());
        }
        return keys;
    }

    private void readMetadata() {
        ObjectMapper json = new ObjectMapper();
        try {
            Enumeration<URL> files = getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
            for (URL file : Collections.list(files)) {
                try (InputStream in = file.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asText();
                        String type = property.path("type").asText();
                        if (name.contains("*")) {
                            wildcardProperties.add(Pattern.compile(Pattern.quote(name).replace("*", "\\E[^.]+\\Q")));
                        } else {
                            properties.add(name);
                        }
                        if (type.startsWith("java.util.Map") || type.equals("java.util.Properties")) {
                            mapProperties.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readApplicationYaml(Path file) {
        String text = read(file);
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        flatten("", document);
        collect(PROPERTY_PLACEHOLDER, text, properties);
        collect(ENV_PLACEHOLDER, text, environmentVariables);
        Matcher port = SERVER_PORT_DEFAULT.matcher(text);
        if (!port.find()) {
            throw new IllegalStateException("application.yml sets micronaut.server.port without ${STYLEGRAPH_PORT:...}");
        }
        defaultPort = Integer.parseInt(port.group(1));
    }

    private void flatten(String prefix, Object node) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value));
        } else if (!prefix.isEmpty()) {
            properties.add(prefix);
        }
    }

    private void readSources(Path sources) {
        if (!Files.isDirectory(sources)) {
            return;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String text = read(file);
                collect(PROPERTY_PLACEHOLDER, text, properties);
                collect(REQUIRES_PROPERTY, text, properties);
                collect(PICOCLI_ENV_DEFAULT, text, environmentVariables);
                collect(GETENV, text, environmentVariables);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readLogbackFiles(Path resources) {
        try (Stream<Path> files = Files.list(resources)) {
            files.filter(file -> file.getFileName().toString().matches("logback.*\\.xml"))
                    .forEach(file -> collect(ENV_PLACEHOLDER, read(file), environmentVariables));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readKnownKeys() {
        try (InputStream in = getClass().getResourceAsStream("/deployment/known-config-keys.txt")) {
            if (in == null) {
                throw new IllegalStateException("deployment/known-config-keys.txt is missing from the test resources");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String entry = line.replaceFirst("#.*", "").trim();
                if (entry.startsWith("property ")) {
                    properties.add(entry.substring("property ".length()).trim());
                } else if (entry.startsWith("env ")) {
                    environmentVariables.add(entry.substring("env ".length()).trim());
                } else if (!entry.isEmpty()) {
                    throw new IllegalStateException("known-config-keys.txt: not 'property KEY' or 'env NAME': " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
