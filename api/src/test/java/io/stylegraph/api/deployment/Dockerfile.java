package io.stylegraph.api.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The instructions of a Dockerfile the checks need: COPY/ADD sources, ENV, EXPOSE and the run-time command lines. */
record Dockerfile(Path file, List<String> copiedSources, Map<String, String> environment, List<Integer> exposedPorts,
                  List<String> runTimeCommands) {
    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)");

    static Dockerfile parse(Path file) {
        List<String> sources = new ArrayList<>();
        Map<String, String> environment = new LinkedHashMap<>();
        List<Integer> exposed = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (String instruction : instructions(file)) {
            String[] split = instruction.split("\\s+", 2);
            String keyword = split[0].toUpperCase();
            String rest = split.length > 1 ? split[1].trim() : "";
            switch (keyword) {
                case "COPY", "ADD" -> {
                    List<String> words = words(rest);
                    if (words.stream().noneMatch(word -> word.startsWith("--from="))) {
                        List<String> operands = words.stream().filter(word -> !word.startsWith("--")).toList();
                        sources.addAll(operands.subList(0, Math.max(0, operands.size() - 1)));
                    }
                }
                case "ENV" -> {
                    Matcher pair = ENV_PAIR.matcher(rest);
                    if (rest.contains("=")) {
                        while (pair.find()) {
                            environment.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
                        }
                    } else if (split.length > 1) {
                        String[] legacy = rest.split("\\s+", 2);
                        environment.put(legacy[0], legacy.length > 1 ? legacy[1] : "");
                    }
                }
                case "EXPOSE" -> {
                    for (String port : rest.split("\\s+")) {
                        exposed.add(Integer.parseInt(port.replaceFirst("/.*", "")));
                    }
                }
                case "ENTRYPOINT", "CMD", "HEALTHCHECK" -> commands.add(rest);
                default -> {
                }
            }
        }
        return new Dockerfile(file, sources, environment, exposed, commands);
    }

    /** The file's instructions, continuation lines joined and comments dropped. */
    private static List<String> instructions(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            instructions.add(current.toString());
            current.setLength(0);
        }
        return instructions;
    }

    /** Words of an instruction in shell form or JSON array form. */
    private static List<String> words(String rest) {
        if (rest.startsWith("[")) {
            List<String> words = new ArrayList<>();
            Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(rest);
            while (quoted.find()) {
                words.add(quoted.group(1));
            }
            return words;
        }
        return List.of(rest.split("\\s+"));
    }
}
