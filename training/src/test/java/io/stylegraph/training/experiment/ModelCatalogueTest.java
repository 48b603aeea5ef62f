package io.stylegraph.training.experiment;

import io.stylegraph.training.model.FreedomConfig;
import io.stylegraph.training.model.FreedomTrainer;
import io.stylegraph.training.model.ItemWalkTrainer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCatalogueTest {

    private static FreedomConfig config(String name, TrainerSettings settings) {
        return ((FreedomTrainer) ModelCatalogue.trainer(name, settings)).config();
    }

    @Test
    void shouldBuildFreedomWithoutContentAsFreedomId() {
        FreedomConfig withContent = config("freedom", TrainerSettings.defaults(7));
        FreedomConfig idOnly = config("freedom-id", TrainerSettings.defaults(7));

        assertTrue(withContent.itemGraph());
        assertFalse(idOnly.itemGraph());
        assertEquals(0, idOnly.modalityLossWeight());
        assertEquals(withContent.keepRatio(), idOnly.keepRatio());
        assertEquals(7, idOnly.seed());
        assertTrue(ModelCatalogue.withoutContent("freedom-id-signed"));
        assertFalse(ModelCatalogue.withoutContent("freedom"));
    }

    @Test
    void shouldReadHowAModelUsesDislikesFromItsSuffix() {
        TrainerSettings settings = TrainerSettings.defaults(1);

        assertEquals(0.5, config("lightgcn", settings).hardNegativeRatio());
        assertEquals(0, config("lightgcn", settings).dislikeEdgeWeight());
        assertEquals(0, config("lightgcn-no-dislikes", settings).hardNegativeRatio());
        assertEquals(0, config("lightgcn-signed", settings).hardNegativeRatio());
        assertEquals(0.5, config("lightgcn-signed", settings).dislikeEdgeWeight());
        assertEquals(0.5, config("lightgcn-hard-signed", settings).hardNegativeRatio());
        assertEquals(0.5, config("lightgcn-hard-signed", settings).dislikeEdgeWeight());
        assertEquals("lightgcn-hard-signed", config("lightgcn-hard-signed", settings).name());
    }

    @Test
    void shouldApplyOnlyTheSettingsGiven() {
        TrainerSettings settings = new TrainerSettings(3, null, 5, io.stylegraph.training.kernel.KernelEngine.CPU, 1,
                0.01, null, null, 0.3, 1, 16, null, null, 4, 50, null, true,
                TrainerSettings.ContrastSettings.DEFAULTS, 200, 0, null);

        FreedomConfig freedom = config("freedom", settings);
        FreedomConfig bpr = config("bpr", settings);

        assertEquals(3, freedom.maxEpochs());
        assertEquals(0.01, freedom.learningRate());
        assertEquals(FreedomConfig.freedom().l2(), freedom.l2(), "not given: the default");
        assertEquals(0.3, freedom.keepRatio());
        assertEquals(1, freedom.layers());
        assertEquals(4, freedom.knnK());
        assertTrue(freedom.contentEmbedding());
        assertEquals(0, bpr.layers(), "a model without propagation keeps none");
        assertEquals(1.0, bpr.keepRatio(), "keep ratio is FREEDOM's");
        assertFalse(bpr.contentEmbedding(), "and so is the content embedding");
    }

    @Test
    void shouldBuildTheBaselinesAndRefuseUnknownNames() {
        assertInstanceOf(ItemWalkTrainer.class, ModelCatalogue.trainer("item-walk", TrainerSettings.defaults(1)));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ModelCatalogue.trainer("svd", TrainerSettings.defaults(1)));
        assertTrue(error.getMessage().contains("unknown model 'svd'"), error.getMessage());
    }
}
