package io.stylegraph.graph.repository;

import java.util.List;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Slot;

/**
 * What an item's vectors are computed from (its words and image), with the model and input recorded for the vectors
 * it already has; a null model means that modality was never embedded, {@code hasVisual}/{@code hasText} whether a
 * vector is stored (an embedded item without a usable image or words has a model but no vector). {@code brand} and
 * {@code categories} (all category names, most specific first) are set for catalogues that have them.
 */
public record ItemContent(
        String id,
        String title,
        String description,
        String category,
        String colour,
        String image,
        Slot slot,
        Gender gender,
        String visualModel,
        String visualInput,
        String textModel,
        String textInput,
        boolean hasVisual,
        boolean hasText,
        String brand,
        List<String> categories) {

    public ItemContent {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** The content of an item without brand or category set. */
    public ItemContent(String id, String title, String description, String category, String colour, String image,
                       Slot slot, Gender gender, String visualModel, String visualInput, String textModel,
                       String textInput, boolean hasVisual, boolean hasText) {
        this(id, title, description, category, colour, image, slot, gender, visualModel, visualInput, textModel,
                textInput, hasVisual, hasText, null, List.of());
    }

    public String model(Modality modality) {
        return modality == Modality.VISUAL ? visualModel : textModel;
    }

    public String input(Modality modality) {
        return modality == Modality.VISUAL ? visualInput : textInput;
    }

    public boolean hasVector(Modality modality) {
        return modality == Modality.VISUAL ? hasVisual : hasText;
    }
}
