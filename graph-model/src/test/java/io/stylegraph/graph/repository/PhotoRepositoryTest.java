package io.stylegraph.graph.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.imports.LookFolder;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoRepositoryTest {
    private final GraphDatabase graph = TestGraph.graph();
    private final PhotoRepository photos = new PhotoRepository(graph);

    @TempDir
    Path folder;

    @BeforeEach
    void items() {
        TestGraph.clear();
        graph.run("UNWIND ['top-1', 'skirt-1', 'shoes-1'] AS id CREATE (:Item {id: id})", Map.of());
    }

    @Test
    void shouldLinkAPhotoToTheItemsItFeaturesAndReadItBack() {
        long linked = photos.save(List.of(new PhotoRepository.Look("look-1", "/photos/look-1.jpg", "api", "user-7",
                List.of(new PhotoRepository.FeaturedItem("top-1", "top", List.of(10.0, 20.0, 110.0, 200.0)),
                        new PhotoRepository.FeaturedItem("shoes-1", null, null),
                        new PhotoRepository.FeaturedItem("gone", "bag", null)), null)));

        assertEquals(2, linked, "an item not in the graph is skipped");
        PhotoRepository.Look look = photos.find("look-1").orElseThrow();
        assertEquals("user-7", look.userId());
        assertEquals("api", look.source());
        assertTrue(look.createdAt() != null && look.createdAt().startsWith("20"), look.createdAt());
        PhotoRepository.FeaturedItem top = look.items().stream().filter(i -> i.itemId().equals("top-1")).findFirst()
                .orElseThrow();
        assertEquals("top", top.slot());
        assertEquals(List.of(10.0, 20.0, 110.0, 200.0), top.box());
        assertEquals(1L, TestGraph.count("MATCH (:Photo {id: 'look-1'})-[:FEATURES]->(:Item {id: 'shoes-1'}) "
                + "RETURN count(*)"));
    }

    @Test
    void shouldBeIdempotentAndKeepPhotoIdsUnique() {
        PhotoRepository.Look look = new PhotoRepository.Look("look-2", null, "api", null,
                List.of(new PhotoRepository.FeaturedItem("skirt-1", "bottom", null)), null);
        photos.save(List.of(look));
        photos.save(List.of(look));

        assertEquals(1, photos.count());
        assertEquals(1L, TestGraph.count("MATCH (:Photo)-[f:FEATURES]->() RETURN count(f)"));
        assertThrows(RuntimeException.class, () -> graph.run("CREATE (:Photo {id: 'look-2'})", Map.of()),
                "the photo_id constraint refuses a second node");
    }

    @Test
    void shouldImportAFolderOfPhotosWithItemLists() throws Exception {
        Files.createDirectories(folder.resolve("photos"));
        Files.write(folder.resolve("photos/street-1.jpg"), new byte[] {1, 2, 3});
        Files.writeString(folder.resolve(LookFolder.FILE), """
                photo_id,item_id,slot
                street-1,top-1,top
                street-1,skirt-1,bottom
                street-2,shoes-1,
                ,top-1,top
                """);

        LookFolder.Read read = LookFolder.read(folder);
        photos.save(read.looks());

        assertEquals(4, read.rows());
        assertEquals(1, read.rejectedRows());
        PhotoRepository.Look first = photos.find("street-1").orElseThrow();
        assertEquals(2, first.items().size());
        assertTrue(first.image().endsWith("photos/street-1.jpg"), first.image());
        assertTrue(first.source().startsWith("import:"), first.source());
        assertNull(photos.find("street-2").orElseThrow().image());
        assertTrue(photos.find("street-3").isEmpty());
    }

    @Test
    void shouldNotCreateAPhotoNoneOfWhoseItemsIsInTheGraph() {
        assertEquals(0, photos.save(List.of(new PhotoRepository.Look("lost", null, "api", null,
                List.of(new PhotoRepository.FeaturedItem("gone", null, null)), null))));
        assertTrue(photos.find("lost").isEmpty());
    }
}
