package io.stylegraph.graph.imports.sources;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Interaction;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.domain.User;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.ImportSink;
import io.stylegraph.graph.imports.RowError;

/**
 * The H&M sample: {@code articles.csv} (items, photos in {@code images/}), {@code customers.csv} (users) and
 * {@code transactions.csv} (each purchase a like, at the purchase date, with the scaled price kept on the edge).
 */
public final class HmSource implements CatalogueSource {
    public static final String NAME = "hm";
    public static final String ID_PREFIX = "hm-";

    /** product_type_name → slot. Underwear, nightwear, swimwear and cosmetics stay OTHER. */
    public static final SlotTable SLOTS = SlotTable.builder()
            .names(Slot.TOP, "T-shirt", "Top", "Vest top", "Shirt", "Blouse", "Sweater", "Hoodie", "Cardigan",
                    "Polo shirt", "Bodysuit")
            .names(Slot.BOTTOM, "Trousers", "Shorts", "Skirt", "Leggings/Tights", "Outdoor trousers")
            .names(Slot.DRESS, "Dress", "Jumpsuit/Playsuit", "Dungarees", "Garment Set")
            .names(Slot.OUTERWEAR, "Jacket", "Coat", "Blazer", "Outdoor Waistcoat")
            .names(Slot.SHOES, "Ballerinas", "Boots", "Flat shoe", "Flip flop", "Heeled sandals", "Other shoe", "Pumps",
                    "Sandals", "Slippers", "Sneakers")
            .names(Slot.BAG, "Bag")
            .names(Slot.ACCESSORY, "Belt", "Bracelet", "Cap/peaked", "Earring", "Earrings", "Gloves", "Hair clip",
                    "Hair string", "Hair/alice band", "Hat/beanie", "Hat/brim", "Other accessories", "Ring", "Scarf",
                    "Sunglasses", "Wallet", "Socks")
            .build();

    /** index_group_name → gender; "Divided" (young fashion) and "Sport" are not cut for one gender. */
    private static final Map<String, Gender> GENDER_BY_INDEX_GROUP = Map.of(
            "Ladieswear", Gender.WOMEN, "Menswear", Gender.MEN);

    private final Path folder;

    public HmSource(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void read(ImportSink sink) throws IOException {
        Path articles = DatasetFiles.require(folder, "articles.csv");
        Path customers = DatasetFiles.require(folder, "customers.csv");
        Path transactions = DatasetFiles.require(folder, "transactions.csv");
        long total = TrackedInput.size(articles, customers, transactions);
        Path images = folder.resolve("images");
        long done = 0;
        try (Reader reader = TrackedInput.open(articles, sink, done, total); CsvRows rows = new CsvRows(articles, reader)) {
            for (CsvRows.Row row : rows) {
                convert(sink, row, () -> sink.item(toItem(row, images)));
            }
        }
        done += Files.size(articles);
        try (Reader reader = TrackedInput.open(customers, sink, done, total); CsvRows rows = new CsvRows(customers, reader)) {
            for (CsvRows.Row row : rows) {
                convert(sink, row, () -> sink.user(toUser(row)));
            }
        }
        done += Files.size(customers);
        try (Reader reader = TrackedInput.open(transactions, sink, done, total);
             CsvRows rows = new CsvRows(transactions, reader)) {
            for (CsvRows.Row row : rows) {
                convert(sink, row, () -> sink.interaction(toInteraction(row)));
            }
        }
    }

    static void convert(ImportSink sink, CsvRows.Row row, Runnable conversion) {
        try {
            if (row.problem() != null) {
                throw new RowRejected(row.problem());
            }
            conversion.run();
        } catch (RowRejected e) {
            sink.rejected(new RowError(row.file(), row.line(), e.getMessage()));
        }
    }

    private Item toItem(CsvRows.Row row, Path images) {
        String id = row.require("article_id");
        String type = row.get("product_type_name");
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String column : new String[] {"product_code", "product_group_name", "graphical_appearance_name",
                "perceived_colour_value_name", "perceived_colour_master_name", "department_name", "index_name",
                "index_group_name", "section_name", "garment_group_name"}) {
            FashionProductsSource.putIfPresent(attributes, ColumnNames.camelCase(column), row.get(column));
        }
        Path image = images.resolve(id + ".jpg");
        return new Item(ID_PREFIX + id, row.get("prod_name"), row.get("detail_desc"), type, SLOTS.slotOf(type),
                GENDER_BY_INDEX_GROUP.get(row.get("index_group_name")), row.get("colour_group_name"), attributes,
                Files.isRegularFile(image) ? image.toAbsolutePath().toString() : null, NAME);
    }

    private User toUser(CsvRows.Row row) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        String age = row.get("age");
        if (age != null) {
            attributes.put("age", parseLong(age, "age"));
        }
        attributes.put("fashionNews", "1".equals(row.get("FN")));
        attributes.put("active", "1".equals(row.get("Active")));
        if (row.get("club_member_status") != null) {
            attributes.put("clubMemberStatus", row.get("club_member_status"));
        }
        if (row.get("fashion_news_frequency") != null) {
            attributes.put("fashionNewsFrequency", row.get("fashion_news_frequency"));
        }
        return new User(ID_PREFIX + row.require("customer_id"), attributes, NAME);
    }

    private Interaction toInteraction(CsvRows.Row row) {
        String date = row.require("t_dat");
        Map<String, Object> properties = new LinkedHashMap<>();
        String price = row.get("price");
        if (price != null) {
            try {
                properties.put("price", Double.parseDouble(price));
            } catch (NumberFormatException e) {
                throw new RowRejected("price is not a number: " + price);
            }
        }
        try {
            return new Interaction(ID_PREFIX + row.require("customer_id"), ID_PREFIX + row.require("article_id"),
                    Signal.LIKE, LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC), null, null,
                    properties, NAME);
        } catch (DateTimeParseException e) {
            throw new RowRejected("t_dat is not a YYYY-MM-DD date: " + date);
        }
    }

    static long parseLong(String value, String column) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new RowRejected(column + " is not an integer: " + value);
        }
    }
}
