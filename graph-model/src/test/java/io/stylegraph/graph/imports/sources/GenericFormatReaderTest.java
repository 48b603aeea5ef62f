package io.stylegraph.graph.imports.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Signal;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.GenericCatalogueSource;
import io.stylegraph.graph.imports.RowError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericFormatReaderTest {
    @TempDir
    Path folder;

    private RecordingSink read() throws IOException {
        RecordingSink sink = new RecordingSink();
        new GenericCatalogueSource(folder, "shop").read(sink);
        return sink;
    }

    @Test
    void shouldReadJsonLinesItemsWithAttributesAndRelativeImages() throws IOException {
        Files.writeString(folder.resolve("items.jsonl"), """
                {"id": "a1", "title": "Linen shirt", "category": "Shirts", "slot": "TOP", "gender": "women", "colour": "White", "image": "img/a1.jpg", "attributes": {"material": "linen", "sleeves": 3}}
                {"id": "a2", "title": "Boots", "color": "Black", "image": "https://cdn.example.com/a2.jpg"}
                """);
        RecordingSink sink = read();

        assertEquals(2, sink.items.size());
        var shirt = sink.items.get(0);
        assertEquals(Slot.TOP, shirt.slot());
        assertEquals(Gender.WOMEN, shirt.gender());
        assertEquals(Map.of("material", "linen", "sleeves", "3"), shirt.attributes());
        assertEquals(folder.resolve("img/a1.jpg").toAbsolutePath().toString(), shirt.image());
        assertEquals("shop", shirt.source());
        var boots = sink.items.get(1);
        assertEquals(Slot.OTHER, boots.slot());
        assertEquals("Black", boots.colour());
        assertEquals("https://cdn.example.com/a2.jpg", boots.image());
        assertTrue(sink.rejected.isEmpty());
    }

    @Test
    void shouldReadBrandAndCategoriesAsListsInJsonLinesAndJoinedNamesInCsv() throws IOException {
        Files.writeString(folder.resolve("items.jsonl"), """
                {"id": "j1", "category": "Scarves", "brand": "Acme", "categories": ["Women", "Accessories", "Scarves"]}
                {"id": "j2", "categories": "Men|Shoes"}
                {"id": "j3", "categories": [1, 2]}
                """);
        RecordingSink jsonLines = read();
        Files.delete(folder.resolve("items.jsonl"));
        Files.writeString(folder.resolve("items.csv"), """
                id,brand,categories,fabric
                c1,Acme,Women|Accessories|Scarves,wool
                c2,,,
                """);
        RecordingSink csv = read();

        var scarf = jsonLines.items.get(0);
        assertEquals("Acme", scarf.brand());
        assertEquals(List.of("Women", "Accessories", "Scarves"), scarf.categories());
        assertEquals(List.of("Scarves", "Women", "Accessories"), scarf.allCategories());
        assertEquals(List.of("Men", "Shoes"), jsonLines.items.get(1).categories());
        assertEquals(List.of("items.jsonl:3: categories must be an array of strings or names joined by |"),
                jsonLines.rejected.stream().map(RowError::toString).toList());
        assertEquals("Acme", csv.items.get(0).brand());
        assertEquals(List.of("Women", "Accessories", "Scarves"), csv.items.get(0).categories());
        assertEquals(Map.of("fabric", "wool"), csv.items.get(0).attributes(), "brand and categories are no attributes");
        assertNull(csv.items.get(1).brand());
        assertEquals(List.of(), csv.items.get(1).categories());
    }

    @Test
    void shouldReportEachBadRowWithFileLineAndReasonAndKeepTheRest() throws IOException {
        Files.writeString(folder.resolve("items.jsonl"), """
                {"id": "ok-1"}
                {"title": "no id"}

                {"id": "bad-slot", "slot": "hat"}
                not json at all
                {"id": "bad-gender", "gender": "martian"}
                [1, 2]
                {"id": "ok-2", "attributes": "not an object"}
                """);
        RecordingSink sink = read();

        assertEquals(List.of("ok-1"), sink.items.stream().map(i -> i.id()).toList());
        assertEquals(List.of(2L, 4L, 5L, 6L, 7L, 8L), sink.rejected.stream().map(RowError::line).toList());
        assertTrue(sink.rejected.stream().allMatch(e -> e.file().equals("items.jsonl")));
        assertEquals("missing id", sink.rejected.get(0).reason());
        assertTrue(sink.rejected.get(1).reason().startsWith("slot must be one of top, bottom"), sink.rejected.get(1).reason());
        assertTrue(sink.rejected.get(2).reason().startsWith("malformed JSON"));
    }

    @Test
    void shouldReadPrecomputedVectorsAndReportEachBadVectorRow() throws IOException {
        Files.writeString(folder.resolve("vectors.jsonl"), """
                {"item_id": "a1", "visual": [0.5, -0.25, 1], "visual_model": "enc-v", "text": [1, 0], "text_model": "enc-t"}
                {"itemId": "a2", "text": [0, 1], "textModel": "enc-t"}
                {"item_id": "a3"}
                {"item_id": "a4", "visual": [1, 2, 3]}
                {"item_id": "a5", "visual": [1, 2], "visual_model": "enc-v"}
                {"item_id": "a6", "text": [1, "x"], "text_model": "enc-t"}
                {"item_id": "a7", "visual": "1 2 3", "visual_model": "enc-v"}
                """);
        RecordingSink sink = read();

        assertEquals(List.of("a1", "a2"), sink.vectors.stream().map(v -> v.itemId()).toList());
        assertEquals("enc-v", sink.vectors.get(0).visualModel());
        assertEquals(List.of(0.5f, -0.25f, 1f), List.of(sink.vectors.get(0).visual()[0], sink.vectors.get(0).visual()[1],
                sink.vectors.get(0).visual()[2]));
        assertNull(sink.vectors.get(1).visual());
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L), sink.rejected.stream().map(RowError::line).toList());
        assertTrue(sink.rejected.stream().allMatch(e -> e.file().equals("vectors.jsonl")));
        assertEquals(List.of("no visual or text vector", "missing visual_model", "visual has 2 numbers, earlier rows 3",
                "text[1] is not a finite number: \"x\"", "visual must be a non-empty array of numbers"),
                sink.rejected.stream().map(RowError::reason).toList());
    }

    @Test
    void shouldReadCsvWithExtraColumnsAsAttributesAndGzipInteractions() throws IOException {
        Files.writeString(folder.resolve("items.csv"), """
                id,title,slot,gender,colour,fabric
                c1,"Jeans, slim",bottom,men,Blue,denim
                c2,Tee,top,,White,
                ,Nameless,top,,,
                """);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve("interactions.csv.gz")))) {
            out.write("""
                    user_id,item_id,signal,time,position,split
                    u1,c1,like,2024-05-01T10:00:00Z,0,train
                    u1,c2,DISLIKE,2024-05-02,1,
                    u2,c2,meh,,,
                    u3,c1,like,yesterday,,
                    u4,c1,like,,x,
                    """.getBytes(StandardCharsets.UTF_8));
        }
        RecordingSink sink = read();

        assertEquals(2, sink.items.size());
        assertEquals("Jeans, slim", sink.items.get(0).title());
        assertEquals(Map.of("fabric", "denim"), sink.items.get(0).attributes());
        assertEquals(Map.of(), sink.items.get(1).attributes());
        assertNull(sink.items.get(1).gender());
        assertEquals(2, sink.interactions.size());
        var first = sink.interactions.get(0);
        assertEquals(Signal.LIKE, first.signal());
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), first.at());
        assertEquals(0, first.position());
        assertEquals("train", first.split());
        assertEquals(Signal.DISLIKE, sink.interactions.get(1).signal());
        assertEquals(Instant.parse("2024-05-02T00:00:00Z"), sink.interactions.get(1).at());
        assertEquals(List.of("items.csv:4: missing id", "interactions.csv.gz:4: signal must be like or dislike: meh"),
                sink.rejected.subList(0, 2).stream().map(RowError::toString).toList());
        assertEquals(List.of(5L, 6L), sink.rejected.subList(2, 4).stream().map(RowError::line).toList());
        assertTrue(sink.progressTotal > 0 && sink.lastProgress == sink.progressTotal);
    }

    @Test
    void shouldGroupCsvOutfitMembersAndReadJsonOutfits() throws IOException {
        Files.writeString(folder.resolve("outfits.csv"), """
                outfit_id,item_id,slot
                o1,a,top
                o1,b,bottom
                o2,c,
                o1,d,shoes
                """);
        RecordingSink csv = read();
        assertEquals(2, csv.outfits.size());
        assertEquals(List.of("a", "b", "d"), csv.outfits.get(0).members().stream().map(m -> m.itemId()).toList());
        assertEquals(Slot.SHOES, csv.outfits.get(0).members().get(2).slot());

        Files.delete(folder.resolve("outfits.csv"));
        Files.writeString(folder.resolve("outfits.jsonl"), """
                {"id": "o3", "items": [{"itemId": "a", "slot": "top"}, "b"], "attributes": {"occasion": "office"}}
                {"id": "o4", "items": []}
                """);
        RecordingSink json = read();
        assertEquals(1, json.outfits.size());
        assertEquals(Slot.OTHER, json.outfits.get(0).members().get(1).slot());
        assertEquals(Map.of("occasion", "office"), json.outfits.get(0).attributes());
        assertEquals(2, json.rejected.get(0).line());
    }

    @Test
    void shouldRefuseAFolderWithNothingToImport() {
        assertThrows(FileNotFoundException.class, this::read);
    }
}
