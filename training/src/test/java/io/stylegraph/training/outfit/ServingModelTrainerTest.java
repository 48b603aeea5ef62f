package io.stylegraph.training.outfit;

import io.stylegraph.models.text.MiniLmTextEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServingModelTrainerTest {

    @Test
    void shouldTrainOnAllMarylandOutfitsRecordItsTextEncoderAndLogProgress(@TempDir Path dir) throws IOException {
        Path maryland = SharedDataset.folder(MarylandData.FOLDER);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        TypeAwareModel model;
        try (MiniLmTextEncoder encoder = new MiniLmTextEncoder()) {
            model = new ServingModelTrainer(TypeAwareConfig.defaults().withEpochs(1)).train(maryland, encoder,
                    List.of(), dir.resolve("names.bin"), new PrintStream(printed, true, StandardCharsets.UTF_8));
        }
        model.save(dir.resolve("outfits.sgoutfit"));
        TypeAwareModel loaded = TypeAwareModel.load(dir.resolve("outfits.sgoutfit"));

        assertEquals(MiniLmTextEncoder.MODEL_ID, loaded.parameters().get(ServingModelTrainer.TEXT_ENCODER));
        assertTrue(loaded.types().containsAll(List.of("top", "bottom", "dress", "shoes", "bag", "other")),
                loaded.types().toString());
        assertEquals(List.of(new FeatureSpec(ItemVectors.TEXT, MiniLmTextEncoder.DIMENSION)), loaded.features());
        String log = printed.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("model 1/1 epoch 1/1"), log);
        assertEquals(ServingModelTrainer.DEFAULT_MEMBERS, loaded.members());
        ItemVectors sneakers = new ItemVectors("a", "shoes", null, Map.of());
        ItemVectors jeans = new ItemVectors("b", "bottom", null, Map.of());
        assertEquals(model.pairScore(sneakers, jeans), loaded.pairScore(sneakers, jeans), 1e-9);
        DevSliceFigures dev = DevSliceFigures.of(loaded.parameters()).orElseThrow();
        assertTrue(dev.outfits() > 100, "measured on the dev slice: " + dev);
        assertTrue(dev.fitb() > 0.25 && dev.fitb() <= 1, "better than chance after one epoch: " + dev);
        assertTrue(dev.auc() > 0.5 && dev.auc() <= 1, dev.toString());
        assertTrue(log.contains("dev slice (" + dev.outfits() + " outfits) FITB"), log);
        assertTrue(log.contains("type-aware alone"), log);
        TypeAwareModel.TextCategoryBlend blend = loaded.textCategoryBlend().orElseThrow();
        assertEquals(MarylandEvaluation.BLEND_WEIGHT, blend.weight());
        assertTrue(blend.cooccurrence().categoryNames().size() > 20, "Polyvore categories with named items: "
                + blend.cooccurrence().categoryNames().size());
        assertEquals(MiniLmTextEncoder.DIMENSION, blend.cooccurrence().centroids().get(0).length);
        ItemVectors namedSneakers = new ItemVectors("a", "shoes", null, Map.of(ItemVectors.TEXT,
                blend.cooccurrence().centroids().get(0)));
        assertEquals(model.served().pairScore(namedSneakers, jeans), loaded.served().pairScore(namedSneakers, jeans),
                1e-6, "the blend reads back as it was written");
        TypeAwareModel.WordBlend words = loaded.wordBlend().orElseThrow();
        assertEquals(MarylandEvaluation.WORD_WEIGHT, words.weight());
        assertTrue(words.overlap().documents() > 3000, "the training outfits' named items: "
                + words.overlap().documents());
        assertTrue(words.overlap().weight("black") < words.overlap().weight("zanotti"),
                "a colour is commoner in Polyvore names than a designer");
        ItemVectors blackSneakers = namedSneakers.withWords("black leather sneakers");
        ItemVectors blackJeans = jeans.withWords("black skinny jeans");
        assertTrue(loaded.served().pairScore(blackSneakers, blackJeans) > loaded.served().pairScore(namedSneakers,
                jeans), "shared words raise a served pair's score");
    }

    @Test
    void shouldServeTheFirstMemberAloneThenJoinTheOthersAsATrainingOfAllAtOnceWould(@TempDir Path dir)
            throws IOException {
        Path maryland = SharedDataset.folder(MarylandData.FOLDER);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        ServingModelTrainer trainer = new ServingModelTrainer(TypeAwareConfig.defaults().withEpochs(1),
                NameText.NAME, 2);

        TypeAwareModel first;
        TypeAwareModel joined;
        TypeAwareModel atOnce;
        try (MiniLmTextEncoder encoder = new MiniLmTextEncoder()) {
            ServingModelTrainer.Staged staged = trainer.start(maryland, encoder, List.of(), dir.resolve("n.bin"),
                    quiet);
            first = staged.first();
            joined = staged.rest();
            atOnce = trainer.train(maryland, encoder, List.of(), dir.resolve("n.bin"), quiet);
        }

        assertEquals(1, first.members());
        assertEquals(2, joined.members());
        assertTrue(DevSliceFigures.of(first.parameters()).isPresent(), "the first member is measured to be gated");
        assertTrue(first.textCategoryBlend().isPresent() && first.wordBlend().isPresent(), "served with the blends");
        ItemVectors sneakers = new ItemVectors("a", "shoes", null, Map.of()).withWords("black leather sneakers");
        ItemVectors jeans = new ItemVectors("b", "bottom", null, Map.of()).withWords("black skinny jeans");
        assertEquals(atOnce.served().pairScore(sneakers, jeans), joined.served().pairScore(sneakers, jeans), 1e-9);
        assertEquals(atOnce.parameters(), joined.parameters());
    }

    @Test
    void shouldReadTheTextEncoderAModelRecordsAndMiniLmForAModelThatRecordsNone() {
        TypeAwareModel model = InlineCatalogue.model();

        assertEquals(MiniLmTextEncoder.MODEL_ID, ServingModelTrainer.textEncoderOf(model));
        assertEquals("other-encoder", ServingModelTrainer.textEncoderOf(
                model.withParameters(Map.of(ServingModelTrainer.TEXT_ENCODER, "other-encoder"))));
    }
}
