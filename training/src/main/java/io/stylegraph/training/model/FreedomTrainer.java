package io.stylegraph.training.model;

import io.stylegraph.training.eval.EvaluationResult;
import io.stylegraph.training.eval.Evaluator;
import io.stylegraph.training.graph.DegreeSensitiveEdgeSampler;
import io.stylegraph.training.graph.ItemKnnGraph;
import io.stylegraph.training.graph.ItemNeighbours;
import io.stylegraph.training.graph.NegativeSampler;
import io.stylegraph.training.graph.NormalizedAdjacency;
import io.stylegraph.training.kernel.CsrMatrix;
import io.stylegraph.training.kernel.TrainingKernel;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Trains FREEDOM (Zhou &amp; Shen, "A Tale of Two Graphs", ACM MM 2023) and, through {@link FreedomConfig}'s presets,
 * LightGCN and BPR-MF. With validation likes it evaluates every {@code evaluateEvery} epochs, keeps the model of the
 * best validation metric and stops after {@code patience} evaluations without improvement; without them it trains
 * {@code maxEpochs} epochs. Random streams for initialization, batches/negatives and pruning derive from the seed, so
 * a run is reproducible and identical across kernels up to float rounding.
 *
 * <p>An epoch runs with {@link FreedomConfig#forTrainingLikes}'s settings: above {@code batchSize ×
 * maxBatchesPerEpoch} training likes the batch grows so that an epoch stays at {@code maxBatchesPerEpoch} steps, each
 * a propagation over the whole graph, which makes an epoch's cost linear in the likes (a bounded number of
 * propagations, each linear in the edges). The settings actually used are the model's recorded parameters. Quality
 * at amazon-clothing's size with the batch forced to 8× (12 batches an epoch), 20 epochs: see
 * reports/scale-training.md.
 */
public final class FreedomTrainer implements Trainer<EmbeddingModel> {

    private final FreedomConfig config;
    /** How often an epoch reports its batches to the listener (0 in tests: after every batch but the last). */
    private final long batchProgressNanos;

    public FreedomTrainer(FreedomConfig config) {
        this(config, TrainingListener.BatchProgress.EVERY_SECONDS * 1_000_000_000L);
    }

    FreedomTrainer(FreedomConfig config, long batchProgressNanos) {
        this.config = config;
        this.batchProgressNanos = batchProgressNanos;
    }

    public FreedomConfig config() {
        return config;
    }

    @Override
    public Map<String, String> parameters() {
        return config.toParameters();
    }

    @Override
    public EmbeddingModel train(TrainingData data, TrainingListener listener) {
        return train(data, itemNeighbours(data), listener);
    }

    /** The item neighbours FREEDOM builds its item–item graph from; null when that graph is off or there are none. */
    public ItemNeighbours itemNeighbours(TrainingData data) {
        return config.itemGraph() && !data.features().isEmpty()
                ? new ItemKnnGraph(config.knnK()).neighbours(data.features()) : null;
    }

    /** Trains over item neighbours found beforehand (by {@link #itemNeighbours}), e.g. to publish them as well. */
    public EmbeddingModel train(TrainingData data, ItemNeighbours neighbours, TrainingListener listener) {
        return new FreedomTrainer(config.forTrainingLikes(data.likes().nnz()), batchProgressNanos)
                .trainAsConfigured(data, neighbours, listener);
    }

    private EmbeddingModel trainAsConfigured(TrainingData data, ItemNeighbours neighbours,
                                             TrainingListener listener) {
        long started = System.nanoTime();
        int numUsers = data.numUsers();
        int numItems = data.numItems();
        CsrMatrix itemItem = config.itemGraph() && neighbours != null
                ? new ItemKnnGraph(config.knnK()).build(neighbours) : null;
        int[] itemDegrees = data.likes().itemDegrees();
        try (TrainingKernel kernel = config.engine().create(config.threads());
             Evaluator evaluator = Evaluator.standard(config.threads())) {
            FreedomNetwork network = new FreedomNetwork(kernel, config, numUsers, numItems, itemItem,
                    data.features(), new Random(config.seed()));
            PropagationGraph fullGraph = PropagationGraph.upload(kernel,
                    NormalizedAdjacency.signed(data.likes(), data.dislikes(), config.dislikeEdgeWeight()));
            DegreeSensitiveEdgeSampler pruner = config.keepRatio() < 1
                    ? new DegreeSensitiveEdgeSampler(data.likes(), config.keepRatio()) : null;
            NegativeSampler negatives = new NegativeSampler(data.likes(), data.dislikes(),
                    config.hardNegativeRatio());
            Random batchRandom = new Random(config.seed() + 1);
            Random pruneRandom = new Random(config.seed() + 2);
            int[] edgeUsers = data.likes().rowOfEntries();
            int[] edgeItems = data.likes().columns();

            EmbeddingModel best = null;
            Map<String, Double> bestMetrics = Map.of();
            double bestValue = Double.NEGATIVE_INFINITY;
            int bestEpoch = 0;
            int evaluationsSinceBest = 0;
            int epoch = 0;
            while (epoch < config.maxEpochs()) {
                epoch++;
                long epochStart = System.nanoTime();
                PropagationGraph adjacency = pruner == null ? fullGraph
                        : PropagationGraph.upload(kernel, pruner.sampleAdjacency(pruneRandom, data.dislikes(),
                        config.dislikeEdgeWeight()));
                double loss = trainEpoch(network, adjacency, negatives, edgeUsers, edgeItems, batchRandom,
                        Integer.MAX_VALUE, epoch, listener);
                double trainSeconds = (System.nanoTime() - epochStart) / 1e9;

                Optional<EvaluationResult> validation = Optional.empty();
                boolean improved = false;
                boolean evaluate = data.validation().isPresent() && epoch % config.evaluateEvery() == 0;
                if (evaluate) {
                    EmbeddingModel candidate = snapshot(network, fullGraph, itemItem, itemDegrees, data, epoch,
                            epoch, Map.of(), started);
                    EvaluationResult result = evaluator.evaluate(candidate.scorer(), data.likes(),
                            data.validation().get());
                    validation = Optional.of(result);
                    double value = result.get(config.validationMetric());
                    if (value > bestValue) {
                        bestValue = value;
                        best = candidate;
                        bestEpoch = epoch;
                        bestMetrics = result.metrics();
                        evaluationsSinceBest = 0;
                        improved = true;
                    } else {
                        evaluationsSinceBest++;
                    }
                }
                boolean goOn = listener.onEpoch(new EpochSummary(epoch, loss, trainSeconds, validation, improved));
                if (!goOn || !Double.isFinite(loss) || evaluationsSinceBest >= config.patience()) {
                    break;
                }
            }
            if (best == null) {
                best = snapshot(network, fullGraph, itemItem, itemDegrees, data, epoch, epoch, Map.of(), started);
                bestEpoch = epoch;
            }
            return best.withProvenance(provenance(data, kernel.name(), epoch, bestEpoch, bestMetrics, started));
        }
    }

    /**
     * What {@link #timeFirstEpoch} measured: the batches it ran of the epoch's {@code batchesPerEpoch}, their
     * seconds, and the model after them.
     */
    public record EpochTiming(int batchesRun, int batchesPerEpoch, int batchSize, double seconds,
                              EmbeddingModel model) {
        /** The epoch's seconds: measured when it ran whole, else the batches' mean times the epoch's batches. */
        public double epochSeconds() {
            return batchesRun == 0 ? 0 : seconds * batchesPerEpoch / batchesRun;
        }
    }

    /**
     * Runs the first epoch, or its first {@code maxBatches} batches, as {@link #train} would (same set-up, batches and
     * steps) and times the training steps alone; for measuring how an epoch's cost grows with the data when a whole
     * epoch at the largest size takes longer than the measurement can wait.
     */
    public EpochTiming timeFirstEpoch(TrainingData data, ItemNeighbours neighbours, int maxBatches) {
        FreedomConfig run = config.forTrainingLikes(data.likes().nnz());
        return run == config ? timeFirstEpochAsConfigured(data, neighbours, maxBatches)
                : new FreedomTrainer(run).timeFirstEpochAsConfigured(data, neighbours, maxBatches);
    }

    private EpochTiming timeFirstEpochAsConfigured(TrainingData data, ItemNeighbours neighbours, int maxBatches) {
        long started = System.nanoTime();
        CsrMatrix itemItem = config.itemGraph() && neighbours != null
                ? new ItemKnnGraph(config.knnK()).build(neighbours) : null;
        try (TrainingKernel kernel = config.engine().create(config.threads())) {
            FreedomNetwork network = new FreedomNetwork(kernel, config, data.numUsers(), data.numItems(), itemItem,
                    data.features(), new Random(config.seed()));
            PropagationGraph fullGraph = PropagationGraph.upload(kernel,
                    NormalizedAdjacency.signed(data.likes(), data.dislikes(), config.dislikeEdgeWeight()));
            PropagationGraph adjacency = config.keepRatio() < 1
                    ? PropagationGraph.upload(kernel, new DegreeSensitiveEdgeSampler(data.likes(), config.keepRatio())
                    .sampleAdjacency(new Random(config.seed() + 2), data.dislikes(), config.dislikeEdgeWeight()))
                    : fullGraph;
            NegativeSampler negatives = new NegativeSampler(data.likes(), data.dislikes(),
                    config.hardNegativeRatio());
            int edges = data.likes().nnz();
            int batchesPerEpoch = (edges + config.batchSize() - 1) / config.batchSize();
            long epochStart = System.nanoTime();
            trainEpoch(network, adjacency, negatives, data.likes().rowOfEntries(), data.likes().columns(),
                    new Random(config.seed() + 1), maxBatches, 1, TrainingListener.NONE);
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            EmbeddingModel model = snapshot(network, fullGraph, itemItem, data.likes().itemDegrees(), data, 1, 1,
                    Map.of(), started);
            return new EpochTiming(Math.min(maxBatches, batchesPerEpoch), batchesPerEpoch, config.batchSize(),
                    seconds, model);
        }
    }

    private double trainEpoch(FreedomNetwork network, PropagationGraph adjacency, NegativeSampler negatives,
                              int[] edgeUsers, int[] edgeItems, Random random, int maxBatches, int epoch,
                              TrainingListener listener) {
        int edges = edgeUsers.length;
        int[] order = new int[edges];
        for (int e = 0; e < edges; e++) {
            order[e] = e;
        }
        for (int e = edges - 1; e > 0; e--) {
            int swap = random.nextInt(e + 1);
            int tmp = order[e];
            order[e] = order[swap];
            order[swap] = tmp;
        }
        double lossSum = 0;
        int batches = 0;
        int planned = (int) Math.min(maxBatches, (edges + (long) config.batchSize() - 1) / config.batchSize());
        long started = System.nanoTime();
        long reported = started;
        for (int from = 0; from < edges && batches < maxBatches; from += config.batchSize()) {
            int size = Math.min(config.batchSize(), edges - from);
            int[] users = new int[size];
            int[] positives = new int[size];
            int[] negativeItems = new int[size];
            for (int b = 0; b < size; b++) {
                int e = order[from + b];
                users[b] = edgeUsers[e];
                positives[b] = edgeItems[e];
                negativeItems[b] = negatives.sample(users[b], random);
            }
            lossSum += network.trainStep(adjacency, users, positives, negativeItems);
            batches++;
            long now = System.nanoTime();
            if (batches < planned && now - reported >= batchProgressNanos) {
                reported = now;
                listener.onBatches(new TrainingListener.BatchProgress(epoch, batches, planned, lossSum / batches,
                        (now - started) / 1e9));
            }
        }
        return batches == 0 ? 0 : lossSum / batches;
    }

    private EmbeddingModel snapshot(FreedomNetwork network, PropagationGraph fullGraph, CsrMatrix itemItem,
                                    int[] itemDegrees, TrainingData data, int epochsRun, int bestEpoch,
                                    Map<String, Double> metrics, long started) {
        float[][] embeddings = network.inference(fullGraph.operator());
        if (itemItem != null) {
            ColdStartEmbedder.fill(embeddings[1], config.dimension(), itemDegrees, itemItem);
        }
        return new EmbeddingModel(data.numUsers(), data.numItems(), config.dimension(), embeddings[0],
                embeddings[1], provenance(data, "", epochsRun, bestEpoch, metrics, started));
    }

    private ModelProvenance provenance(TrainingData data, String kernelName, int epochsRun, int bestEpoch,
                                       Map<String, Double> metrics, long started) {
        return new ModelProvenance(config.name(), getClass().getName(), config.toParameters(), config.seed(),
                data.counts(), kernelName, epochsRun, bestEpoch, metrics, Instant.now(),
                (System.nanoTime() - started) / 1e9);
    }
}
