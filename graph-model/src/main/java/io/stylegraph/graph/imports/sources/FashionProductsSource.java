package io.stylegraph.graph.imports.sources;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.ImportSink;
import io.stylegraph.graph.imports.RowError;

/**
 * The Myntra "Fashion Product Images (Small)" catalogue: {@code items.csv} plus {@code images/<id>.jpg}. Items only;
 * the category is the {@code article_type} and the slot comes from {@link #SLOTS}.
 */
public final class FashionProductsSource implements CatalogueSource {
    public static final String NAME = "fashion-products";
    public static final String ID_PREFIX = "fp-";

    /** article_type → slot. Anything not listed (personal care, watches, gifts, innerwear...) is OTHER. */
    public static final SlotTable SLOTS = SlotTable.builder()
            .names(Slot.TOP, "Tshirts", "Shirts", "Tops", "Kurtas", "Kurtis", "Tunics", "Sweaters", "Sweatshirts",
                    "Lounge Tshirts", "Camisoles", "Waistcoat", "Shrug", "Dupatta")
            .names(Slot.BOTTOM, "Jeans", "Trousers", "Shorts", "Skirts", "Track Pants", "Capris", "Leggings",
                    "Jeggings", "Churidar", "Patiala", "Salwar", "Salwar and Dupatta", "Lounge Pants", "Lounge Shorts",
                    "Tights", "Stockings", "Tracksuits")
            .names(Slot.DRESS, "Dresses", "Jumpsuit", "Rompers", "Sarees", "Nightdress", "Kurta Sets",
                    "Lehenga Choli", "Clothing Set", "Baby Dolls")
            .names(Slot.OUTERWEAR, "Jackets", "Blazers", "Nehru Jackets", "Rain Jacket")
            .names(Slot.SHOES, "Casual Shoes", "Sports Shoes", "Formal Shoes", "Heels", "Flats", "Sandals",
                    "Sports Sandals", "Flip Flops", "Booties")
            .names(Slot.BAG, "Handbags", "Backpacks", "Clutches", "Duffel Bag", "Laptop Bag", "Messenger Bag",
                    "Mobile Pouch", "Rucksacks", "Waist Pouch", "Trolley Bag", "Tablet Sleeve")
            .names(Slot.ACCESSORY, "Belts", "Sunglasses", "Watches", "Caps", "Hat", "Headband", "Scarves", "Stoles",
                    "Mufflers", "Gloves", "Ties", "Ties and Cufflinks", "Cufflinks", "Earrings", "Bangle", "Bracelet",
                    "Necklace and Chains", "Pendant", "Ring", "Jewellery Set", "Wallets", "Socks", "Suspenders",
                    "Hair Accessory", "Wristbands")
            .build();

    private final Path folder;

    public FashionProductsSource(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void read(ImportSink sink) throws IOException {
        Path file = DatasetFiles.require(folder, "items.csv");
        Path images = folder.resolve("images");
        long total = TrackedInput.size(file);
        try (Reader reader = TrackedInput.open(file, sink, 0, total); CsvRows rows = new CsvRows(file, reader)) {
            for (CsvRows.Row row : rows) {
                try {
                    sink.item(toItem(row, images));
                } catch (RowRejected e) {
                    sink.rejected(new RowError(row.file(), row.line(), e.getMessage()));
                }
            }
        }
    }

    private Item toItem(CsvRows.Row row, Path images) {
        if (row.problem() != null) {
            throw new RowRejected(row.problem());
        }
        String id = row.require("id");
        String articleType = row.get("article_type");
        Map<String, String> attributes = new LinkedHashMap<>();
        putIfPresent(attributes, "masterCategory", row.get("master_category"));
        putIfPresent(attributes, "subCategory", row.get("sub_category"));
        putIfPresent(attributes, "articleType", articleType);
        putIfPresent(attributes, "usage", row.get("usage"));
        StringJoiner description = new StringJoiner(" - ");
        for (String part : new String[] {row.get("master_category"), row.get("sub_category"), articleType,
                row.get("base_colour"), row.get("usage")}) {
            if (part != null) {
                description.add(part);
            }
        }
        Path image = images.resolve(id + ".jpg");
        return new Item(
                ID_PREFIX + id,
                row.get("title"),
                description.length() == 0 ? null : description.toString(),
                articleType,
                SLOTS.slotOf(articleType),
                Gender.parse(row.get("gender")).orElse(null),
                row.get("base_colour"),
                attributes,
                Files.isRegularFile(image) ? image.toAbsolutePath().toString() : null,
                NAME);
    }

    static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
