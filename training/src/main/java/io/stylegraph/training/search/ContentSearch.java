package io.stylegraph.training.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleBiFunction;

import io.stylegraph.graph.domain.Modality;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.training.index.ScoredItem;
import io.stylegraph.training.index.SearchFilter;
import io.stylegraph.training.index.VectorIndex;
import io.stylegraph.training.model.ContentProfile;
import io.stylegraph.training.model.Standardization;

/**
 * The content path of recommendations, a search over the item indexes by a {@link ContentProfile} of the user's
 * likes: it needs no trained recommender, only the items' content vectors as the search indexes hold them (visual and
 * text), weighted as for hybrid similar items, with dislikes weighing {@code dislikeWeight}.
 * <p>
 * To blend with a model's scores, each is standardized per user; the content scores' mean and standard deviation
 * come from a fixed, evenly spread sample of {@code statsSample} indexed items (see {@link ContentProfile#spread}).
 */
public class ContentSearch {
    private static final List<Modality> MODALITIES = List.of(Modality.VISUAL, Modality.TEXT);

    private final IndexLookup indexes;
    private final Ranker ranker;
    private final double visualWeight;
    private final double dislikeWeight;
    private final int statsSample;
    /** Spread samples by the profile's indexes and their versions (a profile has one part per modality it has). */
    private final Map<List<Object>, SpreadSample> spreadSamples = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_SPREAD_SAMPLES = 8;

    /** @param statsSample items the spread of the content scores is measured on (at least 10) */
    public ContentSearch(IndexLookup indexes, SearchSettings search, double dislikeWeight, int statsSample) {
        this.indexes = indexes;
        this.ranker = new Ranker(search.shortlist(), 0);
        this.visualWeight = search.hybridVisualWeight();
        this.dislikeWeight = dislikeWeight;
        this.statsSample = Math.max(10, statsSample);
    }

    /** The user's profile, or empty when no liked item has a content vector (or no like at all). */
    public Optional<ContentProfile> profile(Map<String, Signal> rated) {
        return ContentProfile.of(sources(), rated, dislikeWeight);
    }

    /** The n items closest to the profile (of this slot when given; other filters are the caller's). */
    public List<ScoredItem> candidates(ContentProfile profile, Slot slot, int n) {
        List<QueryPart> parts = profile.parts().stream()
                .map(part -> new QueryPart(part.index(), part.vector(), part.weight())).toList();
        return ranker.rank(parts, new SearchFilter(slot, null, null), n, new Reranking(false, false));
    }

    /**
     * Mean and standard deviation of the profile's content scores over the sampled items: the same items and the same
     * float arithmetic as {@link ContentProfile#spread}, but over the sample's vectors copied end to end once per
     * version of the indexes ({@link SpreadSample}), instead of an id look-up and a row read scattered over the whole
     * index for every sampled item on every request.
     */
    public Standardization spread(ContentProfile profile) {
        List<Object> key = new ArrayList<>(2 * profile.parts().size());
        for (ContentProfile.Part part : profile.parts()) {
            key.add(part.index());
            key.add(part.index().version());
        }
        SpreadSample sample = spreadSamples.get(key);
        if (sample == null) {
            if (spreadSamples.size() >= MAX_SPREAD_SAMPLES) {
                spreadSamples.clear(); // older versions of the indexes
            }
            sample = SpreadSample.of(profile.parts().stream().map(ContentProfile.Part::index).toList(), statsSample);
            spreadSamples.put(key, sample);
        }
        return sample.spread(profile);
    }

    /** Pairwise content similarity of the given items, for diversifying a list ({@link ContentProfile#pairwise}). */
    public ToDoubleBiFunction<String, String> pairwise(Collection<String> itemIds) {
        return ContentProfile.pairwise(sources(), itemIds);
    }

    /** The served indexes of the modalities that have a share of content scores, visual first. */
    private List<ContentProfile.Source> sources() {
        List<ContentProfile.Source> sources = new ArrayList<>(MODALITIES.size());
        for (Modality modality : MODALITIES) {
            double weight = weight(modality);
            Optional<VectorIndex> index = indexes.index(modality);
            if (weight > 0 && index.isPresent()) {
                sources.add(new ContentProfile.Source(index.get(), weight));
            }
        }
        return sources;
    }

    /** The modality's share of a content score: the hybrid visual weight, the rest for text. */
    private double weight(Modality modality) {
        return modality == Modality.VISUAL ? visualWeight : 1 - visualWeight;
    }
}
