package io.stylegraph.training.data;

import io.stylegraph.graph.imports.synthetic.SyntheticCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenericFolderLoaderTest {

    @Test
    void shouldReadEveryLikeDislikeAndVectorOfAGeneratedCatalogue(@TempDir Path folder) throws Exception {
        SyntheticCatalogue.Summary summary = new SyntheticCatalogue(new SyntheticCatalogue.Settings(300, 80, 2_000,
                4, 2, 8), SyntheticCatalogue.Progress.SILENT).write(folder);

        GenericFolderLoader.Loaded loaded = GenericFolderLoader.load(folder);

        Dataset data = loaded.dataset();
        assertEquals(2_000, data.numLikes());
        // the split keeps the dislikes given up to a user's last train like (later ones belong to valid/test time)
        assertTrue(data.dislikes().nnz() > 0 && data.dislikes().nnz() <= summary.dislikes(),
                data.dislikes().nnz() + " of " + summary.dislikes() + " dislikes");
        assertEquals(2, loaded.features().modalities().size());
        for (var modality : loaded.features().modalities()) {
            for (int item = 0; item < data.numItems(); item++) {
                assertNotNull(modality.vectors()[item], modality.name() + " vector of item " + item);
                assertEquals(8, modality.vectors()[item].length);
            }
        }
    }
}
