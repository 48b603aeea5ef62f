package io.stylegraph.api.outfits;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.graph.repository.LooksRepository;
import io.stylegraph.graph.repository.RatedItem;
import io.stylegraph.models.TextEncoder;
import io.stylegraph.training.outfit.NameText;
import io.stylegraph.training.outfit.OutfitRecord;
import io.stylegraph.training.outfit.TextVectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The outfits shoppers liked, as extra positive outfits for training the outfit model at start-up. */
final class LikedOutfits {
    private static final Logger LOG = LoggerFactory.getLogger(LikedOutfits.class);

    private LikedOutfits() {
    }

    /**
     * The liked outfits whose items the catalogue has, each item by the vector of its words in {@code form}; none when
     * the graph is down.
     */
    static List<OutfitRecord> asTrainingOutfits(LooksRepository looks, CatalogueSnapshot snapshot, NameText form,
                                                TextEncoder encoder, PrintStream log) throws IOException {
        List<LooksRepository.StoredOutfit> liked;
        try {
            liked = looks.likedOutfits();
        } catch (RuntimeException graphDown) {
            LOG.warn("Outfit model trains without liked outfits (graph unavailable: {})", graphDown.getMessage());
            return List.of();
        }
        List<String> titles = new ArrayList<>();
        liked.forEach(outfit -> outfit.members().forEach(member -> snapshot.find(member.itemId())
                .map(item -> form.of(item.item())).ifPresent(titles::add)));
        Map<String, float[]> vectors = titles.isEmpty() ? Map.of()
                : TextVectors.encode(encoder, titles, null, log, null);
        List<OutfitRecord> records = liked.stream().map(outfit -> OutfitRecord.ofMembers(outfit.id(),
                outfit.members(), id -> snapshot.find(id).map(RatedItem::item), form, vectors)).flatMap(Optional::stream)
                .toList();
        LOG.info("Outfit model: {} liked outfits as extra training outfits", records.size());
        return records;
    }
}
