package io.stylegraph.api.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.micronaut.context.ApplicationContext;
import io.stylegraph.api.Application;
import io.stylegraph.api.infra.EmbeddedInfrastructure;
import io.stylegraph.api.training.TrainingRun;
import io.stylegraph.api.training.TrainingService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Runs one retraining over the graph (snapshot, train, evaluate, register, promote if it passes "
                + "the gate, publish embeddings), then exits. For a scheduler: exit status 0 when the run finished "
                + "(promoted or rejected), 1 when it failed. Stop the service first when it uses the embedded stores, "
                + "or use POST /v1/training/runs."})
public class TrainCommand implements Callable<Integer> {
    @Mixin
    InfrastructureOptions infrastructure;

    @Option(names = "--max-epochs", description = "Upper bound on epochs (early stopping usually ends sooner).")
    Integer maxEpochs;

    @Option(names = "--seed", description = "Random seed of the run.")
    Long seed;

    @Override
    public Integer call() {
        try (EmbeddedInfrastructure embedded = infrastructure.start(true)) {
            Map<String, Object> properties = new HashMap<>(embedded.properties());
            properties.put("stylegraph.training.artifact-dir", infrastructure.dataDirectory.resolve("models").toString());
            // nor the catalogue in memory, which only requests read (a gigabyte of the run's heap at 1 M items)
            properties.put("stylegraph.catalogue.load", false);
            // nor the models it promotes: loading one and building its item graph competed with the run's own
            // publishing for the heap and the cores (at 1 M items a gigabyte of walk table and minutes of graph)
            properties.put("stylegraph.recommendations.load", false);
            // a one-off run: no health monitor (it reached the security beans, which need a signing key this
            // context has no use for, and logged a failure a minute) and no automatic or nightly runs besides it
            properties.put("micronaut.health.monitor.enabled", false);
            properties.put("stylegraph.training.auto.enabled", false);
            // nor the service's embedding runs: a minute in they embedded and indexed the catalogue for search
            // beside the training, for nobody (at 230k items they held a core through the item kNN build)
            properties.put("stylegraph.search.embed-on-startup", false);
            if (maxEpochs != null) {
                properties.put("stylegraph.training.max-epochs", maxEpochs);
            }
            if (seed != null) {
                properties.put("stylegraph.training.seed", seed);
            }
            try (ApplicationContext context = ApplicationContext.builder().mainClass(Application.class)
                    .properties(properties).start()) {
                TrainingRun run = context.getBean(TrainingService.class).runNow("cli");
                System.out.println("Training run " + run.id() + " " + run.status() + ": "
                        + (run.outcome() != null ? run.outcome() : run.failureReason()));
                return "done".equals(run.status()) ? 0 : 1;
            }
        }
    }
}
