package io.stylegraph.graph.imports.sources;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
 * step with {@code split.csv.gz} (the same rows with their fixed train/valid/test split). Every interaction is a like
 * with its sequence position and split on the edge. The data names no categories, so items are slot OTHER and carry
 * only their ASIN.
 */
public final class AmazonClothingSource implements CatalogueSource {
    public static final String NAME = "amazon-clothing";
    public static final String ID_PREFIX = "az-";

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
        long size = Files.size(interactions);
        long total = 2 * size;
        Set<String> items = new HashSet<>();
        try (Reader reader = TrackedInput.open(interactions, sink, 0, total);
             CsvRows rows = new CsvRows(interactions, reader)) {
            for (CsvRows.Row row : rows) {
                String itemId = row.problem() == null ? row.get("item_id") : null;
                if (itemId != null && items.add(itemId)) {
                    sink.item(new Item(ID_PREFIX + itemId, null, null, null, Slot.OTHER, null, null, Map.of(), null, NAME));
                }
            }
        }
        try (Reader reader = TrackedInput.open(interactions, sink, size, total);
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
