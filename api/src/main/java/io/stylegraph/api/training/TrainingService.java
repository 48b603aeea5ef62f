package io.stylegraph.api.training;

import io.stylegraph.api.recommendations.ServedModelHolder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.HttpStatus;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.registry.ModelRegistry;
import io.stylegraph.api.registry.ModelVersion;
import io.stylegraph.api.search.SearchConfiguration;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.repository.EmbeddingPublisher;
import io.stylegraph.graph.repository.SimilarItemsPublisher;
import io.stylegraph.graph.snapshot.GraphSnapshot;
import io.stylegraph.graph.snapshot.GraphSnapshotReader;
import io.stylegraph.training.eval.GitRevision;
import io.stylegraph.training.job.ContentBlendSelection;
import io.stylegraph.training.job.RetrainingJob;
import io.stylegraph.training.job.RetrainingResult;
import io.stylegraph.training.job.SnapshotDataset;
import io.stylegraph.training.job.SnapshotDatasetBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs retraining: graph snapshot → train and evaluate → artifact → registered candidate → promotion gate → (if
 * promoted) embeddings published to the graph and served. One run at a time (a partial unique index enforces it across
 * replicas too). A failed run changes nothing that is served; its row says why.
 */
@Singleton
public class TrainingService {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrainingRunRepository runs;
    private final ModelRegistry registry;
    private final GraphDatabase graph;
    private final TrainingSettings settings;
    private final SearchConfiguration search;
    private final ApplicationEventPublisher<TrainingRunFinished> finished;
    private final Duration staleAfter;
    /** This process, as the owner of the training runs it starts. */
    private final String owner = ProcessHandle.current().pid() + "@" + hostName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stylegraph-training");
        thread.setDaemon(true);
        return thread;
    });

    public TrainingService(TrainingRunRepository runs, ModelRegistry registry, GraphDatabase graph,
                           TrainingSettings settings, SearchConfiguration search,
                           ApplicationEventPublisher<TrainingRunFinished> finished,
                           @Value("${stylegraph.training.stale-after:2m}") Duration staleAfter) {
        this.runs = runs;
        this.staleAfter = staleAfter;
        this.registry = registry;
        this.graph = graph;
        this.settings = settings;
        this.search = search;
        this.finished = finished;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        failStaleRuns();
    }

    /**
     * Keeps this process's unfinished runs alive and fails those whose process died (no heartbeat for
     * {@code stylegraph.training.stale-after}); runs of another live process, such as the nightly trainer, are left
     * alone.
     */
    @Scheduled(fixedDelay = "${stylegraph.training.heartbeat-interval:15s}",
            initialDelay = "${stylegraph.training.heartbeat-interval:15s}")
    void heartbeat() {
        runs.beat(owner);
        failStaleRuns();
    }

    long failStaleRuns() {
        long failed = runs.failStale(staleAfter.toSeconds(), "no heartbeat for " + staleAfter.toSeconds()
                + " s: the process running it stopped");
        if (failed > 0) {
            LOG.warn("Failed {} training run(s) whose process stopped without finishing them", failed);
        }
        return failed;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        try {
            runs.failOwnedBy(owner, "the service stopped while this run was queued or running");
        } catch (RuntimeException e) {
            LOG.warn("Could not mark this process's unfinished training runs failed; they go stale in {} s",
                    staleAfter.toSeconds(), e);
        }
    }

    String owner() {
        return owner;
    }

    /**
     * Queues a run and returns at once; 409 when one is already queued or running, 422 {@code insufficient-data}
     * (with the counts and the minimums) when the graph holds too little to train on.
     */
    public TrainingRun start(String trigger) {
        if (runs.countUnfinished(ServedModelHolder.KIND) > 0) {
            throw alreadyRunning();
        }
        shortfall().ifPresent(reason -> {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "insufficient-data", null,
                    "Not started: " + reason);
        });
        TrainingRun queued = enqueue(trigger);
        executor.submit(() -> execute(queued));
        return queued;
    }

    /**
     * Why the graph as it is now is too little to train on ({@link TrainingRequirements}); empty when it is enough,
     * and when the graph cannot be read (the run then fails and says why). An automatic trigger asks this first.
     */
    public java.util.Optional<String> shortfall() {
        GraphSnapshot snapshot;
        try {
            snapshot = new GraphSnapshotReader(graph).read(false);
        } catch (RuntimeException graphDown) {
            LOG.debug("Training data not checked up front, the graph did not answer: {}", graphDown.getMessage());
            return java.util.Optional.empty();
        }
        return settings.trainingRequirements().check(snapshot, SnapshotDatasetBuilder.standard());
    }

    /** Runs now in the calling thread (the {@code train} command). */
    public TrainingRun runNow(String trigger) {
        return execute(enqueue(trigger));
    }

    private TrainingRun enqueue(String trigger) {
        try {
            TrainingRun queued = runs.save(TrainingRun.queued(ServedModelHolder.KIND, trigger));
            runs.claim(queued.id(), owner);
            return queued;
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("training_run_one_running")) {
                throw alreadyRunning();
            }
            throw e;
        }
    }

    /** 409; says when a run left by a stopped process stops blocking, since that is why a restart is refused. */
    private ProblemException alreadyRunning() {
        return new ProblemException(HttpStatus.CONFLICT, "training-already-running", null,
                "A training run is already queued or running (GET /v1/training/runs lists it). A run whose process "
                        + "stopped is marked failed after " + staleAfter.toSeconds() + " s without a heartbeat "
                        + "(stylegraph.training.stale-after); start again after that");
    }

    /** A run's dataset and when its snapshot was taken. */
    private record Snapshotted(SnapshotDataset dataset, java.time.Instant takenAt) {
    }

    /** Reads the graph and builds the dataset; the snapshot itself is dropped here, not held through the run. */
    private Snapshotted readDataset() {
        GraphSnapshot snapshot = new GraphSnapshotReader(graph).read(true);
        return new Snapshotted(SnapshotDatasetBuilder.standard().build(snapshot), snapshot.takenAt());
    }

    private TrainingRun execute(TrainingRun queued) {
        TrainingRun[] run = {runs.update(queued.running())};
        LOG.info("Training run {} started ({})", run[0].id(), run[0].trigger());
        try {
            Snapshotted snapshotted = readDataset();
            String revision = GitRevision.current();
            RetrainingResult result = new RetrainingJob(settings.freedomConfig(), SnapshotDatasetBuilder.standard(),
                    settings.artifactPath(), settings.trainingRequirements(), contentBlends(), settings.walkBlends())
                    .run(snapshotted.dataset(), snapshotted.takenAt(), revision, line -> {
                        LOG.info("Training run {}: {}", run[0].id(), line);
                        run[0] = runs.update(run[0].progressed(line));
                    });
            ModelVersion candidate = registry.register(ModelVersion.candidate(ServedModelHolder.KIND,
                    result.artifact().directory().toString(), json(result.parameters()), json(result.dataSnapshot()),
                    json(metrics(result)),
                    result.validRecall20(), result.testRecall20(), result.seed(), revision));
            ModelVersion decided = registry.decide(candidate);
            if (ModelVersion.ACTIVE.equals(decided.status()) && settings.isPublishEmbeddings()) {
                publish(result, decided.id());
            }
            String outcome = "version " + decided.id() + " " + decided.status() + ": " + decided.note();
            TrainingRun done = runs.update(run[0].done(decided.id(), outcome));
            LOG.info("Training run {} done: {}", done.id(), outcome);
            return announce(done, ModelVersion.ACTIVE.equals(decided.status())
                    ? TrainingRunFinished.PROMOTED : TrainingRunFinished.REJECTED);
        } catch (Exception e) {
            LOG.error("Training run {} failed: {}", run[0].id(), e.toString());
            return announce(runs.update(run[0].failed(e.getClass().getSimpleName() + ": " + e.getMessage())),
                    TrainingRunFinished.FAILED);
        }
    }

    /**
     * Validation and test figures, and the content blend and item-walk weights the run chose (with their trials) if
     * it did.
     */
    private static java.util.Map<String, Object> metrics(RetrainingResult result) {
        java.util.Map<String, Object> metrics = new java.util.LinkedHashMap<>();
        metrics.put("validation", result.validationMetrics());
        metrics.put("test", result.testMetrics());
        result.contentBlend().ifPresent(choice -> metrics.put(RetrainingJob.CONTENT_BLEND, choice.toMetadata()));
        Object walk = result.artifact().metadata().get(RetrainingJob.ITEM_WALK);
        if (walk != null) {
            metrics.put(RetrainingJob.ITEM_WALK, walk);
        }
        return metrics;
    }

    /**
     * The content path's modalities as recommendations score them (visual at the hybrid visual weight, text at the
     * rest) and the blend weights to choose among on each run's validation split.
     */
    private ContentBlendSelection contentBlends() {
        double visual = search.getHybridVisualWeight();
        return new ContentBlendSelection(java.util.Map.of("visual", visual, "text", 1 - visual),
                settings.getContentBlendGrid());
    }

    private TrainingRun announce(TrainingRun run, String result) {
        try {
            finished.publishEvent(new TrainingRunFinished(run, result));
        } catch (RuntimeException e) {
            LOG.warn("Training run {}: a listener failed: {}", run.id(), e.getMessage());
        }
        return run;
    }

    private void publish(RetrainingResult result, long version) {
        try {
            EmbeddingPublisher publisher = new EmbeddingPublisher(graph);
            var artifact = result.artifact();
            long users = publisher.publish("User", artifact.userIds(), artifact.userEmbeddings(), artifact.dimension(),
                    version);
            long items = publisher.publish("Item", artifact.itemIds(), artifact.itemEmbeddings(), artifact.dimension(),
                    version);
            LOG.info("Published embeddings of version {} to the graph: {} users, {} items", version, users, items);
            var itemGraph = result.similarItems();
            if (!itemGraph.isEmpty()) {
                // kept when the run's item graph is the one already in the graph (same items and vectors); else
                // made a batch at a time from the run's neighbour table, never all at once (27 M edges at 1 M items)
                SimilarItemsPublisher.Outcome similar = new SimilarItemsPublisher(graph).replaceUnlessUnchanged(
                        itemGraph.digest(), itemGraph.stream().map(p -> new SimilarItemsPublisher.Edge(p.itemId(),
                                p.otherId(), p.score(), p.cosines())).iterator(), itemGraph.size(), version);
                if (similar.kept()) {
                    LOG.info("The item graph of version {} is the one version {} wrote: its {} SIMILAR edges kept",
                            version, similar.version(), similar.edges());
                } else {
                    LOG.info("Published the item graph of version {}: {} SIMILAR edges", version, similar.edges());
                }
            }
        } catch (RuntimeException e) {
            // serving does not depend on the graph copy; analysts get it with the next run
            LOG.warn("Embeddings of version {} not published to the graph: {}", version, e.getMessage());
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
