package io.stylegraph.training.retrieval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One workload of {@link TextEncoderBenchmark}: the texts/s and texts per CPU second of every round of each encoder,
 * and how their vectors agree (cosine of the same text's vectors).
 */
record EncoderWorkload(String name, int texts, double meanTokens, List<Double> referenceRates,
                       List<Double> batchedRates, List<Double> referenceCpuRates, List<Double> batchedCpuRates,
                       double meanCosine, double minCosine) {

    /** The report row: medians of the rounds, their ratios, every round's rate and the agreement. */
    Map<String, Object> row() {
        Map<String, Object> row = new LinkedHashMap<>();
        double referenceMedian = median(referenceRates);
        double batchedMedian = median(batchedRates);
        row.put("workload", name);
        row.put("texts", texts);
        row.put("meanTokens", TextEncoderBenchmark.round(meanTokens, 1));
        row.put("referenceTextsPerSecond", TextEncoderBenchmark.round(referenceMedian, 1));
        row.put("batchedTextsPerSecond", TextEncoderBenchmark.round(batchedMedian, 1));
        row.put("ratio", TextEncoderBenchmark.round(batchedMedian / referenceMedian, 2));
        row.put("referenceRounds", referenceRates.stream().map(r -> TextEncoderBenchmark.round(r, 1)).toList());
        row.put("batchedRounds", batchedRates.stream().map(r -> TextEncoderBenchmark.round(r, 1)).toList());
        double referenceCpu = median(referenceCpuRates);
        double batchedCpu = median(batchedCpuRates);
        row.put("referenceTextsPerCpuSecond", TextEncoderBenchmark.round(referenceCpu, 1));
        row.put("batchedTextsPerCpuSecond", TextEncoderBenchmark.round(batchedCpu, 1));
        row.put("cpuRatio", TextEncoderBenchmark.round(batchedCpu / referenceCpu, 2));
        row.put("meanCosine", TextEncoderBenchmark.round(meanCosine, 6));
        row.put("minCosine", TextEncoderBenchmark.round(minCosine, 6));
        return row;
    }

    /** The middle value, or the mean of the two middle ones. */
    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
