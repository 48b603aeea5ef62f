package io.stylegraph.training.model;

import io.stylegraph.training.data.InteractionMatrix;
import io.stylegraph.training.kernel.KernelEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ND4J engine must reproduce the CPU engine's training run: same batches, same losses, same embeddings. */
class KernelEquivalenceTest {

    @Test
    void shouldProduceTheSameLossCurveOnBothEngines() {
        TrainingData data = TrainingData.of(SmallGraphs.twoCommunities().train())
                .withFeatures(SmallGraphs.communityFeatures(12))
                .withDislikes(InteractionMatrix.builder(16, 12).add(1, 8).add(12, 2).build());
        FreedomConfig config = SmallGraphs.small(FreedomConfig.freedom()).withKeepRatio(0.5)
                .withModalityLossWeight(0.1).withKnnK(3).withMaxEpochs(8);

        List<Double> cpu = new ArrayList<>();
        List<Double> nd4j = new ArrayList<>();
        EmbeddingModel cpuModel = new FreedomTrainer(config.withEngine(KernelEngine.CPU))
                .train(data, s -> cpu.add(s.loss()));
        EmbeddingModel nd4jModel = new FreedomTrainer(config.withEngine(KernelEngine.ND4J))
                .train(data, s -> nd4j.add(s.loss()));

        assertEquals(8, cpu.size());
        assertEquals(cpu.size(), nd4j.size());
        for (int e = 0; e < cpu.size(); e++) {
            assertEquals(cpu.get(e), nd4j.get(e), 1e-4 * Math.abs(cpu.get(e)), "epoch " + (e + 1));
        }
        assertEquals(true, cpu.get(cpu.size() - 1) < cpu.get(0), "the loss should fall: " + cpu);
        float[] a = cpuModel.itemEmbeddings();
        float[] b = nd4jModel.itemEmbeddings();
        for (int k = 0; k < a.length; k++) {
            assertEquals(a[k], b[k], 1e-3, "item embedding component " + k);
        }
    }
}
