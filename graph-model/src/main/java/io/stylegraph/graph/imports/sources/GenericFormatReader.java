package io.stylegraph.graph.imports.sources;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Interaction;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Outfit;
import io.stylegraph.graph.domain.OutfitMember;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.domain.User;
import io.stylegraph.graph.imports.ImagePaths;
import io.stylegraph.graph.imports.ImportSink;
import io.stylegraph.graph.imports.RowError;

/**
 * Reads the generic import format (docs/import-format.md). Each record kind is one file, JSON Lines or CSV with a
 * header, optionally gzip-compressed; field names may be written snake_case or camelCase. Files are read in the
 * order items, vectors, users, outfits, interactions, so references resolve. The optional {@code vectors} file
 * (JSON Lines only) carries precomputed visual and text vectors per item. A record with a missing id, an unknown slot,
 * gender or signal, or an unreadable time is reported with file, line and reason and skipped.
 */
public final class GenericFormatReader {
    private static final Set<String> ITEM_FIELDS = Set.of("id", "title", "description", "category", "slot", "gender",
            "colour", "color", "image", "attributes", "brand", "categories");

    private final Path folder;
    private final String sourceName;
    private final Path items;
    private final Path users;
    private final Path outfits;
    private final Path interactions;
    private final Path vectors;
    private final PrecomputedVectorRows vectorRows = new PrecomputedVectorRows();

    public GenericFormatReader(Path folder, String sourceName) {
        this.folder = folder;
        this.sourceName = sourceName;
        this.items = find("items");
        this.users = find("users");
        this.outfits = find("outfits");
        this.interactions = find("interactions");
        this.vectors = DatasetFiles.firstExisting(folder, "vectors.jsonl", "vectors.jsonl.gz");
    }

    private Path find(String kind) {
        return DatasetFiles.firstExisting(folder, kind + ".jsonl", kind + ".jsonl.gz", kind + ".csv", kind + ".csv.gz");
    }

    public boolean hasAnyFile() {
        return items != null || users != null || outfits != null || interactions != null || vectors != null;
    }

    public void read(ImportSink sink) throws IOException {
        long total = TrackedInput.size(items, vectors, users, outfits, interactions);
        long done = 0;
        done = readEach(items, sink, done, total, record -> {
            sink.item(toItem(record));
            return null;
        });
        done = readEach(vectors, sink, done, total, record -> {
            sink.vectors(vectorRows.read((GenericRecord.Json) record));
            return null;
        });
        done = readEach(users, sink, done, total, record -> {
            sink.user(toUser(record));
            return null;
        });
        done = readOutfits(sink, done, total);
        readEach(interactions, sink, done, total, record -> {
            sink.interaction(toInteraction(record));
            return null;
        });
    }

    private long readEach(Path file, ImportSink sink, long done, long total, Function<GenericRecord, Void> conversion)
            throws IOException {
        if (file == null) {
            return done;
        }
        try (Reader reader = TrackedInput.open(file, sink, done, total)) {
            if (isJsonLines(file)) {
                try (JsonLines lines = new JsonLines(file, reader)) {
                    lines.forEach(line -> {
                        if (line.problem() != null) {
                            sink.rejected(new RowError(line.file(), line.line(), line.problem()));
                            return;
                        }
                        apply(sink, line.file(), line.line(),
                                () -> conversion.apply(new GenericRecord.Json(line.node())));
                    });
                }
            } else {
                try (CsvRows rows = new CsvRows(file, reader)) {
                    for (CsvRows.Row row : rows) {
                        apply(sink, row.file(), row.line(), () -> {
                            if (row.problem() != null) {
                                throw new RowRejected(row.problem());
                            }
                            conversion.apply(new GenericRecord.Csv(row));
                        });
                    }
                }
            }
        }
        return done + java.nio.file.Files.size(file);
    }

    private static void apply(ImportSink sink, String file, long line, Runnable conversion) {
        try {
            conversion.run();
        } catch (RowRejected | IllegalArgumentException e) {
            sink.rejected(new RowError(file, line, e.getMessage()));
        }
    }

    private static boolean isJsonLines(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
    }

    private Item toItem(GenericRecord record) {
        String id = record.require("id");
        Slot slot = parseSlot(record.text("slot"), "slot");
        String genderText = record.text("gender");
        Gender gender = genderText == null ? null : Gender.parse(genderText).orElseThrow(() -> new RowRejected(
                "gender must be one of " + names(Gender.values()) + ": " + genderText));
        String colour = record.text("colour") != null ? record.text("colour") : record.text("color");
        return new Item(id, record.text("title"), record.text("description"), record.text("category"), slot, gender,
                colour, record.attributes(ITEM_FIELDS), resolveImage(record.text("image")), sourceName,
                record.text("brand"), record.names("categories"));
    }

    private User toUser(GenericRecord record) {
        Map<String, Object> attributes = new LinkedHashMap<>(record.attributes(Set.of("id")));
        return new User(record.require("id"), attributes, sourceName);
    }

    private Interaction toInteraction(GenericRecord record) {
        String userId = record.require("user_id");
        String itemId = record.require("item_id");
        String signalText = record.require("signal");
        Signal signal = Signal.parse(signalText).orElseThrow(() ->
                new RowRejected("signal must be like or dislike: " + signalText));
        Instant at = parseTime(record.text("time"));
        Integer position = null;
        String positionText = record.text("position");
        if (positionText != null) {
            try {
                position = Integer.parseInt(positionText.trim());
            } catch (NumberFormatException e) {
                throw new RowRejected("position is not an integer: " + positionText);
            }
        }
        String split = record.text("split");
        if (split != null && !Set.of("train", "valid", "test").contains(split)) {
            throw new RowRejected("split must be train, valid or test: " + split);
        }
        return new Interaction(userId, itemId, signal, at, position, split, Map.of(), sourceName);
    }

    private static Instant parseTime(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text.trim()).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                throw new RowRejected("time must be an ISO-8601 instant (2024-05-01T10:00:00Z) or date: " + text);
            }
        }
    }

    private long readOutfits(ImportSink sink, long done, long total) throws IOException {
        if (outfits == null) {
            return done;
        }
        if (isJsonLines(outfits)) {
            return readEach(outfits, sink, done, total, record -> {
                sink.outfit(toOutfit(record));
                return null;
            });
        }
        // CSV has one row per member (outfit_id, item_id, slot); an outfit is all rows with its id
        Map<String, List<OutfitMember>> members = new LinkedHashMap<>();
        long after = readEach(outfits, sink, done, total, record -> {
            String outfitId = record.require("outfit_id");
            OutfitMember member = new OutfitMember(record.require("item_id"), parseSlot(record.text("slot"), "slot"));
            members.computeIfAbsent(outfitId, id -> new ArrayList<>()).add(member);
            return null;
        });
        members.forEach((id, list) -> sink.outfit(new Outfit(id, list, Map.of(), sourceName)));
        return after;
    }

    private Outfit toOutfit(GenericRecord record) {
        String id = record.require("id");
        JsonNode list = record.members();
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new RowRejected("items must be a non-empty array of item ids or {itemId, slot} objects");
        }
        List<OutfitMember> members = new ArrayList<>();
        for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
            JsonNode member = it.next();
            if (member.isTextual()) {
                members.add(new OutfitMember(member.asText(), null));
            } else if (member.isObject()) {
                GenericRecord memberRecord = new GenericRecord.Json(member);
                String itemId = memberRecord.text("item_id") != null ? memberRecord.text("item_id") : memberRecord.text("id");
                if (itemId == null) {
                    throw new RowRejected("an outfit member has no itemId");
                }
                members.add(new OutfitMember(itemId, parseSlot(memberRecord.text("slot"), "items[].slot")));
            } else {
                throw new RowRejected("items must hold item ids or {itemId, slot} objects");
            }
        }
        return new Outfit(id, members, record.attributes(Set.of()), sourceName);
    }

    private static Slot parseSlot(String text, String field) {
        if (text == null) {
            return null;
        }
        return Slot.parse(text).orElseThrow(() ->
                new RowRejected(field + " must be one of " + names(Slot.values()) + ": " + text));
    }

    private String resolveImage(String image) {
        if (image == null) {
            return null;
        }
        if (ImagePaths.isRemote(image)) {
            return image;
        }
        try {
            return ImagePaths.insideFolder(folder, image).toString();
        } catch (IllegalArgumentException e) {
            throw new RowRejected(e.getMessage() + ": " + image);
        }
    }

    private static String names(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
    }
}
