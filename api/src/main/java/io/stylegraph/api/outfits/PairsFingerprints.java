package io.stylegraph.api.outfits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.stylegraph.api.catalogue.CatalogueSnapshot;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.repository.PairsWithPublisher;

/**
 * The parts of a {@link PairsWithPublisher.Fingerprint}: digests of exactly what the PAIRS_WITH edges are computed
 * from, so equal fingerprints mean equal edges. The catalogue part covers the fields {@link ServedOutfits} and
 * {@code OutfitPairs} read (id, title, category, slot, gender, occasion); the title vectors follow from the titles and
 * the model's text encoder, which the model file names. {@link #MINING} names the pair mining's version: raise it
 * when {@code OutfitPairs} or {@code ServedOutfits} change what they compute.
 */
final class PairsFingerprints {
    static final int MINING = 1;

    private PairsFingerprints() {
    }

    /** SHA-256 of the model file's bytes. */
    static String ofModelFile(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** The item count and SHA-256 of each item's outfit fields, items in id order. */
    static String ofCatalogue(CatalogueSnapshot snapshot) {
        List<Item> items = new ArrayList<>(snapshot.size());
        snapshot.items().forEach(rated -> items.add(rated.item()));
        items.sort(Comparator.comparing(Item::id));
        MessageDigest digest = sha256();
        for (Item item : items) {
            field(digest, item.id());
            field(digest, item.title());
            field(digest, item.category());
            field(digest, item.slot().name());
            field(digest, item.gender() == null ? null : item.gender().name());
            field(digest, ServedOutfits.occasionOf(item));
        }
        return items.size() + " items, sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** The number of supported pairs and SHA-256 of every pair with its count, in key order. */
    static String ofSupport(Map<String, Long> support) {
        MessageDigest digest = sha256();
        support.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            field(digest, entry.getKey());
            field(digest, Long.toString(entry.getValue()));
        });
        return support.size() + " pairs, sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** The mining's settings and version. */
    static String parameters(int perItem) {
        return "pairs-per-item=" + perItem + ", mining=" + MINING;
    }

    /** A value and a separator that no value holds (null apart from every string). */
    private static void field(MessageDigest digest, String value) {
        if (value == null) {
            digest.update((byte) 1);
        } else {
            digest.update((byte) 0);
            digest.update(value.getBytes(StandardCharsets.UTF_8));
        }
        digest.update((byte) 0xFF);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
