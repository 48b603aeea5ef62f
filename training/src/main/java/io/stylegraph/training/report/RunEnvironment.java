package io.stylegraph.training.report;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

import io.stylegraph.training.eval.GitRevision;

/**
 * Facts about the machine and revision a measurement ran on, as the service's benchmarks (retrieval, text encoder,
 * imports) write them beside their figures, and the machine's load average.
 */
public final class RunEnvironment {
    private RunEnvironment() {
    }

    public static Map<String, Object> describe() {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("gitRevision", GitRevision.current());
        environment.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        environment.put("cores", Runtime.getRuntime().availableProcessors());
        environment.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return environment;
    }

    /** The machine's one-minute load average to one decimal: other work running beside a measurement shows here. */
    public static double loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return Math.round(load * 10) / 10.0;
    }
}
