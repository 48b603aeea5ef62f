package io.stylegraph.training.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HybridModelTest {

    /** A model that scores every user with the same fixed row. */
    private static RecommenderModel fixed(String name, float... row) {
        ModelProvenance provenance = new ModelProvenance(name, "test", Map.of(), 0,
                new DataCounts(2, row.length, 0, 0, 0, List.of()), "none", 0, 0, Map.of(), Instant.EPOCH, 0);
        return new RecommenderModel() {
            public String name() {
                return name;
            }

            public ModelProvenance provenance() {
                return provenance;
            }

            public int numUsers() {
                return 2;
            }

            public int numItems() {
                return row.length;
            }

            public io.stylegraph.training.eval.Scorer scorer() {
                return (users, out) -> {
                    for (int u = 0; u < users.length; u++) {
                        System.arraycopy(row, 0, out, u * row.length, row.length);
                    }
                };
            }
        };
    }

    @Test
    void shouldAddStandardizedScoresSoTheScaleOfEitherModelDoesNotMatter() {
        // the first model's scores are a thousand times larger; standardized, both count as much at weight 1
        RecommenderModel model = fixed("model", 3000, 1000, 2000, 0);
        RecommenderModel content = fixed("content", 0, 3, 0, 0);
        float[] scores = new float[4];

        new HybridModel(model, content, 1.0).scorer().score(new int[] {1}, scores);

        // model: mean 1500, sd √1250000 ≈ 1118; content: mean 0.75, sd √(27/16) ≈ 1.299
        float[] expected = {(float) (1500 / Math.sqrt(1_250_000) - 0.75 / Math.sqrt(27.0 / 16)),
                (float) (-500 / Math.sqrt(1_250_000) + 2.25 / Math.sqrt(27.0 / 16)),
                (float) (500 / Math.sqrt(1_250_000) - 0.75 / Math.sqrt(27.0 / 16)),
                (float) (-1500 / Math.sqrt(1_250_000) - 0.75 / Math.sqrt(27.0 / 16))};
        assertArrayEquals(expected, scores, 1e-5f);
        assertEquals("model+content", new HybridModel(model, content, 1.0).name());
    }

    @Test
    void shouldKeepTheFirstModelsOrderAtWeightZeroAndCopeWithConstantScores() {
        float[] scores = new float[3];

        new HybridModel(fixed("a", 1, 3, 2), fixed("flat", 5, 5, 5), 0.0).scorer().score(new int[] {0}, scores);

        assertEquals(true, scores[1] > scores[2] && scores[2] > scores[0]);
        new HybridModel(fixed("a", 1, 3, 2), fixed("flat", 5, 5, 5), 4.0).scorer().score(new int[] {0}, scores);
        assertEquals(true, scores[1] > scores[2] && scores[2] > scores[0], "a constant second model changes nothing");
    }

    @Test
    void shouldRefuseModelsOfDifferentShapesOrABadWeight() {
        assertThrows(IllegalArgumentException.class, () -> new HybridModel(fixed("a", 1, 2), fixed("b", 1, 2, 3), 1));
        assertThrows(IllegalArgumentException.class, () -> new HybridModel(fixed("a", 1, 2), fixed("b", 1, 2), -1));
        assertThrows(IllegalArgumentException.class,
                () -> new HybridModel(fixed("a", 1, 2), fixed("b", 1, 2), Double.NaN));
    }
}
