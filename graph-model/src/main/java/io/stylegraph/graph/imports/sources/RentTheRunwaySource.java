package io.stylegraph.graph.imports.sources;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Interaction;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.domain.User;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.ImportSink;

/**
 * Rent the Runway rentals ({@code ratings.csv.gz}). A rating of 8 or 10 is a like, 2 or 4 a dislike; 6 says neither
 * and is not imported as a signal. The fit verdict, size, rating and occasion stay on the edge; a renter's body
 * measurements, as given with her first review, on the user. Items are the rented garments (all cut for women).
 */
public final class RentTheRunwaySource implements CatalogueSource {
    public static final String NAME = "rent-the-runway";
    public static final String ID_PREFIX = "rtr-";
    public static final int LIKE_FROM = 8;
    public static final int DISLIKE_UP_TO = 4;

    /** The 68 garment types of the data → slot; "print", "knit" and "for" name no garment and stay OTHER. */
    public static final SlotTable SLOTS = SlotTable.builder()
            .names(Slot.DRESS, "dress", "gown", "sheath", "shift", "maxi", "midi", "mini", "romper", "jumpsuit",
                    "ballgown", "frock", "shirtdress", "caftan", "kaftan", "combo", "overalls")
            .names(Slot.TOP, "blouse", "top", "tank", "tee", "t-shirt", "shirt", "buttondown", "cami", "henley",
                    "sweater", "sweatshirt", "sweatershirt", "hoodie", "pullover", "turtleneck", "tunic", "crewneck",
                    "cardigan")
            .names(Slot.BOTTOM, "skirt", "skirts", "skort", "pant", "pants", "trouser", "trousers", "culotte",
                    "culottes", "jeans", "jogger", "legging", "leggings", "sweatpants", "tight")
            .names(Slot.OUTERWEAR, "blazer", "jacket", "coat", "bomber", "blouson", "cape", "down", "duster", "kimono",
                    "overcoat", "parka", "peacoat", "poncho", "trench", "vest", "suit")
            .build();

    private final Path folder;

    public RentTheRunwaySource(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The signal a rating stands for, or null for a middling (6) rating. */
    public static Signal signalOf(int rating) {
        if (rating >= LIKE_FROM) {
            return Signal.LIKE;
        }
        return rating <= DISLIKE_UP_TO ? Signal.DISLIKE : null;
    }

    @Override
    public void read(ImportSink sink) throws IOException {
        Path file = DatasetFiles.require(folder, "ratings.csv.gz");
        long size = Files.size(file);
        long total = 2 * size;
        // first pass: the garments, so every rental below refers to an item that exists
        Set<String> items = new HashSet<>();
        try (Reader reader = TrackedInput.open(file, sink, 0, total); CsvRows rows = new CsvRows(file, reader)) {
            for (CsvRows.Row row : rows) {
                String itemId = row.problem() == null ? row.get("item_id") : null;
                if (itemId != null && items.add(itemId)) {
                    String category = row.get("category");
                    sink.item(new Item(ID_PREFIX + itemId, null, null, category, SLOTS.slotOf(category), Gender.WOMEN,
                            null, Map.of(), null, NAME));
                }
            }
        }
        Set<String> users = new HashSet<>();
        try (Reader reader = TrackedInput.open(file, sink, size, total); CsvRows rows = new CsvRows(file, reader)) {
            for (CsvRows.Row row : rows) {
                HmSource.convert(sink, row, () -> {
                    String userId = ID_PREFIX + row.require("user_id");
                    if (users.add(userId)) {
                        sink.user(toUser(userId, row));
                    }
                    Interaction rental = toInteraction(userId, row);
                    if (rental != null) {
                        sink.interaction(rental);
                    }
                });
            }
        }
    }

    /** The rental as an interaction, or null for a middling rating. */
    private Interaction toInteraction(String userId, CsvRows.Row row) {
        String itemId = ID_PREFIX + row.require("item_id");
        int rating = (int) HmSource.parseLong(row.require("rating"), "rating");
        Signal signal = signalOf(rating);
        if (signal == null) {
            return null;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("rating", rating);
        putIfPresent(properties, "fit", row.get("fit"));
        putIfPresent(properties, "size", row.get("size"));
        putIfPresent(properties, "rentedFor", row.get("rented_for"));
        String date = row.get("review_date");
        try {
            return new Interaction(userId, itemId, signal,
                    date == null ? null : LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC),
                    null, null, properties, NAME);
        } catch (DateTimeParseException e) {
            throw new RowRejected("review_date is not a YYYY-MM-DD date: " + date);
        }
    }

    private User toUser(String userId, CsvRows.Row row) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        putIfPresent(attributes, "bodyType", row.get("body_type"));
        putIfPresent(attributes, "weightLbs", row.get("weight_lbs"));
        putIfPresent(attributes, "heightIn", row.get("height_in"));
        putIfPresent(attributes, "age", row.get("age"));
        String bust = row.get("bust_size_num");
        if (bust != null) {
            attributes.put("bustSize", bust + (row.get("bust_size_letter") == null ? "" : row.get("bust_size_letter")));
        }
        return new User(userId, attributes, NAME);
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            map.put(key, Long.parseLong(value));
        } catch (NumberFormatException notAnInteger) {
            try {
                map.put(key, Double.parseDouble(value));
            } catch (NumberFormatException notANumber) {
                map.put(key, value);
            }
        }
    }
}
