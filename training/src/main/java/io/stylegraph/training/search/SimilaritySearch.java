package io.stylegraph.training.search;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.stylegraph.graph.domain.Modality;
import io.stylegraph.models.LazyEncoders;
import io.stylegraph.models.Vectors;
import io.stylegraph.training.index.ScoredItem;
import io.stylegraph.training.index.SearchFilter;
import io.stylegraph.training.index.VectorIndex;

/**
 * Turns search requests into query vectors and ranks items with them: similar items (from an item's own vectors),
 * text search (text to image in FashionSigLIP's shared space, otherwise text to text) and image search, optionally
 * composed with words. Results cover whatever the serving indexes hold at the moment.
 */
public class SimilaritySearch {
    private final IndexLookup indexes;
    private final LazyEncoders encoders;
    private final Ranker ranker;
    private final double hybridVisualWeight;
    private final double composedTextWeight;

    public SimilaritySearch(IndexLookup indexes, LazyEncoders encoders, SearchSettings settings) {
        this.indexes = indexes;
        this.encoders = encoders;
        this.ranker = new Ranker(settings.shortlist(), settings.aqeDepth());
        this.hybridVisualWeight = settings.hybridVisualWeight();
        this.composedTextWeight = settings.composedTextWeight();
    }

    /**
     * Items like the given one (never itself).
     *
     * @throws NotEmbeddedException when the item has no vector in the modality asked
     */
    public List<ScoredItem> similar(String itemId, SearchModality modality, SearchFilter filter, int k,
                                    Reranking reranking) {
        double visualWeight = switch (modality) {
            case VISUAL -> 1;
            case TEXT -> 0;
            case HYBRID -> hybridVisualWeight;
        };
        List<QueryPart> parts = new ArrayList<>(2);
        if (visualWeight > 0) {
            itemPart(Modality.VISUAL, itemId, visualWeight, reranking.dba()).ifPresent(parts::add);
        }
        if (visualWeight < 1) {
            itemPart(Modality.TEXT, itemId, 1 - visualWeight, reranking.dba()).ifPresent(parts::add);
        }
        if (parts.isEmpty()) {
            throw new NotEmbeddedException(itemId, "Item " + itemId + " has no "
                    + (modality == SearchModality.HYBRID ? "" : modality.wireName() + " ")
                    + "vector yet (no readable image or words, or embedding has not reached it)");
        }
        return ranker.rank(parts, filter.excluding(itemId), k, reranking);
    }

    /** Items matching the words. */
    public List<ScoredItem> byText(String query, SearchFilter filter, int k, Reranking reranking) {
        Optional<VectorIndex> index = indexes.index(encoders.sharedSpace() ? Modality.VISUAL : Modality.TEXT);
        if (index.isEmpty()) {
            return List.of();
        }
        float[] vector = encoders.text().encode(query);
        return ranker.rank(List.of(new QueryPart(index.get(), vector, 1)), filter, k, reranking);
    }

    /**
     * Items that look like the picture; with {@code text} (may be null), composed retrieval. In a shared space the image and text
     * vectors are mixed into one query; otherwise visual similarity to the picture and text similarity to the words
     * are summed with the settings' composed-text weight.
     */
    public List<ScoredItem> byImage(BufferedImage image, String text, SearchFilter filter, int k,
                                    Reranking reranking) {
        Optional<VectorIndex> visual = indexes.index(Modality.VISUAL);
        boolean composed = text != null && !text.isBlank();
        float[] imageVector = encoders.image().encode(image);
        List<QueryPart> parts = new ArrayList<>(2);
        if (!composed) {
            visual.ifPresent(index -> parts.add(new QueryPart(index, imageVector, 1)));
        } else if (encoders.sharedSpace()) {
            float[] mixed = mix(imageVector, 1 - composedTextWeight, encoders.text().encode(text), composedTextWeight);
            visual.ifPresent(index -> parts.add(new QueryPart(index, mixed, 1)));
        } else {
            float[] textVector = encoders.text().encode(text);
            visual.ifPresent(index -> parts.add(new QueryPart(index, imageVector, 1 - composedTextWeight)));
            indexes.index(Modality.TEXT).ifPresent(index -> parts.add(new QueryPart(index, textVector,
                    composedTextWeight)));
        }
        return parts.isEmpty() ? List.of() : ranker.rank(parts, filter, k, reranking);
    }

    /** The query vector of a picture, for callers that search with it several times (shop the look). */
    public float[] encodeImage(BufferedImage image) {
        return encoders.image().encode(image);
    }

    /** Items that look like an already encoded picture ({@link #encodeImage}); empty while nothing is indexed. */
    public List<ScoredItem> byImageVector(float[] imageVector, SearchFilter filter, int k) {
        return indexes.index(Modality.VISUAL)
                .map(index -> ranker.rank(List.of(new QueryPart(index, imageVector, 1)), filter, k,
                        new Reranking(false, false)))
                .orElse(List.of());
    }

    /** The item's own vector (its augmented one under DBA, since the item is part of the database). */
    private Optional<QueryPart> itemPart(Modality modality, String itemId, double weight, boolean dba) {
        return indexes.index(modality).flatMap(index -> {
            Optional<float[]> vector = dba ? Optional.ofNullable(index.augmentedVectors(List.of(itemId)).get(itemId))
                    : index.vector(itemId);
            return vector.map(v -> new QueryPart(index, v, weight));
        });
    }

    private static float[] mix(float[] a, double wa, float[] b, double wb) {
        float[] out = new float[a.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (wa * a[i] + wb * b[i]);
        }
        return Vectors.normalizeInPlace(out);
    }
}
