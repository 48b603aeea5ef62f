package io.stylegraph.graph.imports.sources;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Outfit;
import io.stylegraph.graph.domain.OutfitMember;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.ImagePaths;
import io.stylegraph.graph.imports.ImportSink;
import io.stylegraph.graph.imports.ImportSinks;
import io.stylegraph.graph.imports.RowError;

/**
 * Maryland Polyvore outfits with named items: {@code outfits-valid.jsonl} and, when present,
 * {@code sample-with-images/outfits.jsonl} (the same format with item photos). Item ids are
 * {@code pv-<set_id>_<index>} (Polyvore items are only known within their set); categories come from
 * {@code categories.csv} and map to slots through {@link #SLOTS}. Home, beauty and other non-garment categories,
 * which do occur in outfits, stay OTHER. The name-less NGNN category files are for the compatibility model, not the
 * catalogue.
 */
public final class PolyvoreMarylandSource implements CatalogueSource {
    public static final String NAME = "polyvore-maryland";
    public static final String ID_PREFIX = "pv-";

    /** Polyvore category name → slot (every fashion category of {@code categories.csv}). */
    public static final SlotTable SLOTS = SlotTable.builder()
            .names(Slot.TOP, "Tops", "Tunics", "Blouses", "Cardigans", "Sweaters", "T-Shirts", "Tank Tops", "Camisoles",
                    "Activewear Tops", "Activewear Tank Tops", "Sweatshirts", "Hoodies", "Men's Shirts",
                    "Men's Sweaters", "Men's T-Shirts", "Men's Activewear Tops", "Men's Dress Shirts", "Men's Polos",
                    "Men's Tank Tops", "Men's Sweatshirts", "Men's Hoodies", "Men's Casual Shirts")
            .names(Slot.BOTTOM, "Skirts", "Mini Skirts", "Knee Length Skirts", "Long Skirts", "Jeans", "Pants",
                    "Shorts", "Skinny Jeans", "Bootcut Jeans", "Wide Leg Jeans", "Boyfriend Jeans", "Straight Leg Jeans",
                    "Flared Jeans", "Leggings", "Capri & Cropped Pants", "Activewear Pants", "Activewear Skirts",
                    "Activewear Shorts", "Men's Jeans", "Men's Pants", "Men's Shorts", "Men's Activewear Pants",
                    "Men's Activewear Shorts", "Men's Casual Pants", "Men's Dress Pants")
            .names(Slot.DRESS, "Dresses", "Day Dresses", "Cocktail Dresses", "Gowns", "Wedding Dresses", "Jumpsuits",
                    "Rompers")
            .names(Slot.OUTERWEAR, "Outerwear", "Coats", "Jackets", "Vests", "Blazers", "Suits", "Activewear Jackets",
                    "Men's Outerwear", "Men's Sportcoats & Blazers", "Men's Suits", "Men's Activewear Jackets",
                    "Men's Coats", "Men's Jackets", "Men's Vests")
            .names(Slot.SHOES, "Shoes", "Boots", "Pumps", "Sandals", "Flats", "Flip Flops", "Sneakers", "Slippers",
                    "Ankle Booties", "Mid Calf Boots", "Knee High Boots", "Over-The-Knee Boots", "Loafers & Moccasins",
                    "Oxfords", "Clogs", "Athletic Shoes", "Men's Shoes", "Men's Boots", "Men's Sandals",
                    "Men's Flip Flops", "Men's Loafers & Moccasins", "Men's Dress Shoes", "Men's Sneakers",
                    "Men's Athletic Shoes", "Men's Oxfords", "Men's Slippers", "Men's Work Boots")
            .names(Slot.BAG, "Bags", "Handbags", "Tote Bags", "Shoulder Bags", "Clutches", "Messenger Bags", "Backpacks",
                    "Briefcases", "Luggage", "Men's Bags & Wallets", "Men's Bags", "Men's Briefcases", "Men's Backpacks",
                    "Men's Messenger Bags")
            .names(Slot.ACCESSORY, "Accessories", "Belts", "Gloves", "Hats", "Ties", "Bow Ties", "Sunglasses",
                    "Eyewear", "Eyeglasses", "Hair Accessories", "Umbrellas", "Jewelry", "Watches", "Necklaces",
                    "Earrings", "Rings", "Brooches", "Scarves", "Bracelets & Bangles", "Charms & Pendants", "Wallets",
                    "Hosiery", "Socks", "Tights", "Suspenders", "Cuff Links", "Handkerchiefs", "Men's Accessories",
                    "Men's Belts", "Men's Gloves", "Men's Scarves", "Men's Hats", "Men's Sunglasses", "Men's Watches",
                    "Men's Eyeglasses", "Men's Watches & Jewelry", "Men's Wallets", "Men's Bracelets",
                    "Men's Necklaces", "Men's Rings", "Men's Key Rings & Chains", "Men's Money Clips", "Men's Socks")
            .build();

    private final Path folder;

    public PolyvoreMarylandSource(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void read(ImportSink sink) throws IOException {
        Map<Integer, String> categories = readCategories(DatasetFiles.require(folder, "categories.csv"), sink);
        Path valid = DatasetFiles.require(folder, "outfits-valid.jsonl");
        Path sampleFolder = folder.resolve("sample-with-images");
        Path sample = DatasetFiles.firstExisting(sampleFolder, "outfits.jsonl");
        long total = TrackedInput.size(valid, sample);
        readOutfits(valid, folder, categories, sink, 0, total);
        if (sample != null) {
            readOutfits(sample, sampleFolder, categories, sink, Files.size(valid), total);
        }
    }

    private Map<Integer, String> readCategories(Path file, ImportSink sink) throws IOException {
        Map<Integer, String> names = new HashMap<>();
        try (Reader reader = TrackedInput.open(file, ImportSinks.SILENT, 0, 0); CsvRows rows = new CsvRows(file, reader)) {
            for (CsvRows.Row row : rows) {
                HmSource.convert(sink, row, () ->
                        names.put((int) HmSource.parseLong(row.require("id"), "id"), row.require("name")));
            }
        }
        return names;
    }

    private void readOutfits(Path file, Path imageRoot, Map<Integer, String> categories, ImportSink sink,
                             long before, long total) throws IOException {
        try (Reader reader = TrackedInput.open(file, sink, before, total); JsonLines lines = new JsonLines(file, reader)) {
            lines.forEach(line -> {
                if (line.problem() != null) {
                    sink.rejected(new RowError(line.file(), line.line(), line.problem()));
                    return;
                }
                try {
                    emitOutfit(line.node(), imageRoot, categories, sink);
                } catch (RowRejected e) {
                    sink.rejected(new RowError(line.file(), line.line(), e.getMessage()));
                }
            });
        }
    }

    private void emitOutfit(JsonNode outfit, Path imageRoot, Map<Integer, String> categories, ImportSink sink) {
        String setId = JsonLines.text(outfit, "set_id");
        if (setId == null) {
            throw new RowRejected("missing set_id");
        }
        JsonNode items = outfit.get("items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new RowRejected("outfit " + setId + " has no items");
        }
        List<Item> parsed = new ArrayList<>();
        for (JsonNode item : items) {
            String index = JsonLines.text(item, "index");
            if (index == null) {
                throw new RowRejected("an item of outfit " + setId + " has no index");
            }
            String category = item.hasNonNull("category_id") ? categories.get(item.get("category_id").asInt()) : null;
            Map<String, String> attributes = new LinkedHashMap<>();
            FashionProductsSource.putIfPresent(attributes, "price", JsonLines.text(item, "price"));
            FashionProductsSource.putIfPresent(attributes, "likes", JsonLines.text(item, "likes"));
            FashionProductsSource.putIfPresent(attributes, "categoryId", JsonLines.text(item, "category_id"));
            String image = JsonLines.text(item, "image");
            String imagePath = null;
            if (image != null) {
                try {
                    Path inside = ImagePaths.insideFolder(imageRoot, image);
                    imagePath = Files.isRegularFile(inside) ? inside.toString() : null;
                } catch (IllegalArgumentException e) {
                    throw new RowRejected(e.getMessage() + ": " + image);
                }
            }
            parsed.add(new Item(ID_PREFIX + setId + "_" + index, JsonLines.text(item, "name"), null, category,
                    SLOTS.slotOf(category), null, null, attributes, imagePath, NAME));
        }
        List<OutfitMember> members = new ArrayList<>();
        for (Item item : parsed) {
            sink.item(item);
            members.add(new OutfitMember(item.id(), item.slot()));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        FashionProductsSource.putIfPresent(attributes, "likes", JsonLines.text(outfit, "likes"));
        FashionProductsSource.putIfPresent(attributes, "views", JsonLines.text(outfit, "views"));
        FashionProductsSource.putIfPresent(attributes, "split", JsonLines.text(outfit, "split"));
        sink.outfit(new Outfit(ID_PREFIX + setId, members, attributes, NAME));
    }
}
