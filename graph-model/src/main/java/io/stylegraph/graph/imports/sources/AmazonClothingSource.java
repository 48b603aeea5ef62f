package io.stylegraph.graph.imports.sources;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Interaction;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.ImportSink;
import io.stylegraph.graph.imports.ImportSinks;
import io.stylegraph.graph.imports.RowError;

/**
 * Amazon "Clothing, Shoes and Jewelry" 5-core sequences: {@code interactions.csv.gz} (user, item, position) read in
 * step with {@code split.csv.gz} (the same rows with their fixed train/valid/test split), and, when present,
 * {@code items.csv.gz} (item, brand, browse categories joined with {@code |}). Every interaction is a like with its
 * sequence position and split on the edge. The items are those the interactions name; without {@code items.csv.gz}
 * they are slot OTHER and carry only their ASIN.
 *
 * <p>With {@code items.csv.gz} an item gets its brand and its category set, ordered most specific first (the names
 * fewest items of the file share come first; ties by name). Slot and gender are read from category names that say
 * so ({@link #SLOTS}, {@link #GENDERS}): only when all such names agree, else OTHER and no gender. The data has no
 * titles: the title is made of the brand, the main category (the most specific one that says the slot, else the most
 * specific name longer than one letter) and the gender's category name, e.g. {@code Skechers · Fashion Sneakers ·
 * Women}.
 */
public final class AmazonClothingSource implements CatalogueSource {
    public static final String NAME = "amazon-clothing";
    public static final String ID_PREFIX = "az-";
    static final String ITEMS_FILE = "items.csv.gz";

    /**
     * Browse-category name → slot, exact names only. A name mapped to OTHER (costumes, underwear, swimwear, sleepwear,
     * care products and accessories of shoes, watches and jewellery, luggage) vetoes a slot: an item whose named
     * slots disagree stays OTHER. Broad names ("Clothing", "Accessories", "Novelty", "Handbags & Wallets") say
     * nothing.
     */
    public static final SlotTable SLOTS = SlotTable.builder()
            .names(Slot.SHOES, "Shoes", "Sandals", "Boots", "Flats", "Pumps", "Loafers & Slip-Ons", "Fashion Sneakers",
                    "Slippers", "Mules & Clogs", "Oxfords", "Sneakers", "Sport Sandals", "Snow Boots", "Hiking Boots",
                    "Hiking Shoes", "Rain Boots", "Riding Boots", "Water Shoes", "Clogs & Mules", "Loafers",
                    "Comfort Shoes")
            .names(Slot.DRESS, "Dresses", "Bridesmaid Dresses", "Jumpsuits, Rompers & Overalls")
            .names(Slot.TOP, "Tops & Tees", "Tops", "Tees", "T-Shirts", "Shirts", "Blouses", "Blouses & Button-Down Shirts",
                    "Button-Down Shirts", "Casual Button-Down Shirts", "Dress Shirts", "Knits & Tees", "Tanks & Camis",
                    "Camisoles & Tanks", "Tank Tops", "Sweaters", "Cardigans", "Pullovers", "Tunics", "Polos",
                    "Polo Shirts", "Henleys", "Hoodies", "Sweatshirts", "Fashion Hoodies & Sweatshirts",
                    "Active Shirts & Tees", "Shrugs")
            .names(Slot.BOTTOM, "Pants", "Jeans", "Shorts", "Skirts", "Leggings", "Sweatpants", "Pants & Capris",
                    "Active Pants", "Active Shorts", "Active Leggings", "Active Skirts", "Track Pants", "Workout Shorts")
            .names(Slot.OUTERWEAR, "Jackets & Coats", "Coats & Jackets", "Outerwear & Coats", "Outerwear",
                    "Lightweight Jackets", "Trench & Rain", "Down & Down Alternative", "Wool & Blends", "Blazers",
                    "Track & Active Jackets", "Track Jackets")
            .names(Slot.BAG, "Shoulder Bags", "Top-Handle Bags", "Cross-Body Bags", "Clutches", "Evening Bags",
                    "Backpacks", "Messenger Bags", "Casual Daypacks", "Gym Bags", "Kids' Backpacks", "Drawstring Bags")
            .names(Slot.ACCESSORY, "Jewelry", "Earrings", "Necklaces", "Necklaces & Pendants", "Pendants", "Rings",
                    "Bracelets", "Watches", "Wrist Watches", "Sunglasses", "Hats & Caps", "Baseball Caps", "Sun Hats",
                    "Skullies & Beanies", "Belts", "Scarves & Wraps", "Fashion Scarves", "Gloves & Mittens", "Wallets",
                    "Neckties", "Socks")
            .names(Slot.OTHER, "Costumes", "Costumes & Accessories", "Intimates", "Lingerie", "Bras", "Panties",
                    "Underwear", "Undershirts", "Shapewear", "Swim", "Swimsuits & Cover Ups", "Sleep & Lounge",
                    "Sleepwear & Robes", "Robes", "Shoe Care & Accessories", "Shoelaces", "Inserts & Insoles",
                    "Watch Accessories", "Watch Bands", "Jewelry Accessories", "Jewelry Boxes",
                    "Jewelry Boxes & Organizers", "Handbag Accessories", "Luggage", "Luggage & Travel Gear",
                    "Travel Accessories")
            .build();

    /** Browse-category name → gender. An item filed under two genders (both Women and Men, say) gets none. */
    public static final Map<String, Gender> GENDERS = Map.of(
            "Women", Gender.WOMEN, "Men", Gender.MEN, "Girls", Gender.GIRLS, "Boys", Gender.BOYS,
            "Baby Girls", Gender.GIRLS, "Baby Boys", Gender.BOYS);

    private final Path folder;

    public AmazonClothingSource(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void read(ImportSink sink) throws IOException {
        Path interactions = DatasetFiles.require(folder, "interactions.csv.gz");
        Path split = DatasetFiles.firstExisting(folder, "split.csv.gz");
        Path itemsFile = DatasetFiles.firstExisting(folder, ITEMS_FILE);
        long size = Files.size(interactions);
        long itemsSize = TrackedInput.size(itemsFile);
        long total = 2 * size + itemsSize;
        Set<String> items = new LinkedHashSet<>();
        try (Reader reader = TrackedInput.open(interactions, sink, 0, total);
             CsvRows rows = new CsvRows(interactions, reader)) {
            for (CsvRows.Row row : rows) {
                String itemId = row.problem() == null ? row.get("item_id") : null;
                if (itemId != null) {
                    items.add(itemId.trim());
                }
            }
        }
        Map<String, Item> described = itemsFile == null ? Map.of()
                : readItems(itemsFile, items, sink, size, total);
        for (String itemId : items) {
            Item item = described.get(itemId);
            sink.item(item != null ? item
                    : new Item(ID_PREFIX + itemId, null, null, null, Slot.OTHER, null, null, Map.of(), null, NAME));
        }
        try (Reader reader = TrackedInput.open(interactions, sink, size + itemsSize, total);
             CsvRows rows = new CsvRows(interactions, reader);
             Reader splitReader = split == null ? null : TrackedInput.open(split, ImportSinks.SILENT, 0, 0);
             CsvRows splitRows = split == null ? null : new CsvRows(split, splitReader)) {
            Iterator<CsvRows.Row> splits = splitRows == null ? null : splitRows.iterator();
            for (CsvRows.Row row : rows) {
                CsvRows.Row splitRow = splits != null && splits.hasNext() ? splits.next() : null;
                HmSource.convert(sink, row, () -> sink.interaction(toInteraction(row, splitRow, splits != null)));
            }
            if (splits != null && splits.hasNext()) {
                CsvRows.Row extra = splits.next();
                sink.rejected(new RowError(extra.file(), extra.line(), "split.csv.gz has more rows than interactions.csv.gz"));
            }
        }
    }

    /** One accepted row of items.csv.gz. */
    private record ItemRow(String itemId, String brand, List<String> categories) {
    }

    /**
     * Reads items.csv.gz: rows without an item id or categories, for items the interactions do not name, or repeating
     * an item are rejected with their line. Categories are ordered by how specific they are in this file.
     */
    private Map<String, Item> readItems(Path file, Set<String> known, ImportSink sink, long done, long total)
            throws IOException {
        List<ItemRow> accepted = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        try (Reader reader = TrackedInput.open(file, sink, done, total); CsvRows rows = new CsvRows(file, reader)) {
            for (CsvRows.Row row : rows) {
                HmSource.convert(sink, row, () -> {
                    String itemId = row.require("item_id");
                    List<String> categories = splitCategories(row.get("categories"));
                    if (categories.isEmpty()) {
                        throw new RowRejected("missing categories");
                    }
                    if (!known.contains(itemId)) {
                        throw new RowRejected("item " + itemId + " does not occur in interactions.csv.gz");
                    }
                    Long first = firstLine.putIfAbsent(itemId, row.line());
                    if (first != null) {
                        throw new RowRejected("item " + itemId + " is already described on line " + first);
                    }
                    String brand = row.get("brand");
                    accepted.add(new ItemRow(itemId, brand == null ? null : HtmlEntities.decode(brand).strip(), categories));
                });
            }
        }
        Map<String, Integer> itemsPerCategory = new HashMap<>();
        for (ItemRow row : accepted) {
            row.categories().forEach(name -> itemsPerCategory.merge(name, 1, Integer::sum));
        }
        Comparator<String> mostSpecificFirst = Comparator.<String>comparingInt(itemsPerCategory::get)
                .thenComparing(Comparator.naturalOrder());
        Map<String, Item> items = new LinkedHashMap<>();
        for (ItemRow row : accepted) {
            List<String> ordered = row.categories().stream().sorted(mostSpecificFirst).toList();
            items.put(row.itemId(), toItem(row.itemId(), row.brand(), ordered));
        }
        return items;
    }

    /** The item a described row becomes; {@code categories} most specific first. */
    static Item toItem(String itemId, String brand, List<String> categories) {
        Slot slot = slotOf(categories);
        Gender gender = genderOf(categories);
        String main = mainCategory(categories, slot);
        StringJoiner title = new StringJoiner(" · ");
        if (brand != null && !brand.isBlank()) {
            title.add(brand.strip());
        }
        if (main != null) {
            title.add(main);
        }
        if (gender != null) {
            categories.stream().filter(name -> GENDERS.get(name) == gender).findFirst().ifPresent(title::add);
        }
        return new Item(ID_PREFIX + itemId, title.length() == 0 ? null : title.toString(), null, main, slot, gender,
                null, Map.of(), null, NAME, brand, categories);
    }

    /** The one slot the category names agree on, else OTHER. */
    static Slot slotOf(List<String> categories) {
        Set<Slot> named = EnumSet.noneOf(Slot.class);
        for (String name : categories) {
            SLOTS.find(name).ifPresent(named::add);
        }
        return named.size() == 1 ? named.iterator().next() : Slot.OTHER;
    }

    /** The one gender the category names agree on, else null. */
    static Gender genderOf(List<String> categories) {
        Set<Gender> named = EnumSet.noneOf(Gender.class);
        for (String name : categories) {
            Gender gender = GENDERS.get(name);
            if (gender != null) {
                named.add(gender);
            }
        }
        return named.size() == 1 ? named.iterator().next() : null;
    }

    /**
     * The most specific name that says the item's slot; for OTHER items the most specific name that is neither a
     * single letter (Amazon's brand index) nor a gender.
     */
    private static String mainCategory(List<String> categories, Slot slot) {
        if (slot != Slot.OTHER) {
            for (String name : categories) {
                if (SLOTS.find(name).orElse(null) == slot) {
                    return name;
                }
            }
        }
        Optional<String> named = categories.stream()
                .filter(name -> name.codePointCount(0, name.length()) > 1 && !GENDERS.containsKey(name))
                .findFirst();
        return named.orElse(categories.isEmpty() ? null : categories.get(0));
    }

    private static List<String> splitCategories(String value) {
        if (value == null) {
            return List.of();
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String part : value.split("\\|")) {
            if (!part.isBlank()) {
                names.add(part.strip());
            }
        }
        return List.copyOf(names);
    }

    private Interaction toInteraction(CsvRows.Row row, CsvRows.Row splitRow, boolean splitExpected) {
        String userId = row.require("user_id");
        String itemId = row.require("item_id");
        int position = (int) HmSource.parseLong(row.require("position"), "position");
        String split = null;
        if (splitExpected) {
            if (splitRow == null) {
                throw new RowRejected("split.csv.gz ended before this row");
            }
            if (!userId.equals(splitRow.get("user_id")) || !itemId.equals(splitRow.get("item_id"))) {
                throw new RowRejected("split.csv.gz line " + splitRow.line() + " is for another (user, item)");
            }
            split = splitRow.require("split");
            if (!split.equals("train") && !split.equals("valid") && !split.equals("test")) {
                throw new RowRejected("split must be train, valid or test: " + split);
            }
        }
        return new Interaction(ID_PREFIX + userId, ID_PREFIX + itemId, Signal.LIKE, null, position, split, Map.of(), NAME);
    }
}
