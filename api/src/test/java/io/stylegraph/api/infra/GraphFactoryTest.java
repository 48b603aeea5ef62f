package io.stylegraph.api.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.stylegraph.graph.domain.Gender;
import io.stylegraph.graph.domain.Item;
import io.stylegraph.graph.domain.Slot;
import io.stylegraph.graph.imports.CatalogueSource;
import io.stylegraph.graph.imports.GraphImporter;
import io.stylegraph.graph.neo4j.GraphDatabase;
import io.stylegraph.graph.neo4j.GraphSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphFactoryTest {

    @Test
    void shouldImportThroughTheJavaApiOnlyWhenTheStoreRunsInProcess(@TempDir Path dataDirectory) throws Exception {
        try (EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(dataDirectory).startNeo4j("127.0.0.1", 0);
             GraphDatabase graph = GraphDatabase.connect(infrastructure.neo4j().boltUri(),
                     infrastructure.neo4j().serviceLogin().username(),
                     infrastructure.neo4j().serviceLogin().password(), "neo4j")) {
            GraphSchema.apply(graph);
            GraphFactory factory = new GraphFactory();
            assertEquals("bolt", factory.graphImporter(graph, null).writePath());

            GraphImporter inProcess = factory.graphImporter(graph,
                    new InProcessGraph(infrastructure.neo4j().database()));
            assertEquals("core-api", inProcess.writePath());
            inProcess.importFrom(CatalogueSource.of("in-process", List.of(
                    new Item("blouse-1", "Green silk blouse", null, "tops", Slot.TOP, Gender.WOMEN, "Green",
                            Map.of(), null, "in-process", null, List.of()))));
            // what the Java API wrote is what the service reads over Bolt
            String title = graph.read(tx -> tx.run("MATCH (i:Item {id: 'blouse-1'}) RETURN i.title").single().get(0)
                    .asString());
            assertEquals("Green silk blouse", title);
        }
    }
}
