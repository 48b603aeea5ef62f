package io.stylegraph.api.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import io.stylegraph.graph.neo4j.GraphDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureTest {

    private static Connection connect(EmbeddedInfrastructure infrastructure) throws Exception {
        Map<String, Object> properties = infrastructure.properties();
        return DriverManager.getConnection((String) properties.get("datasources.default.url"),
                (String) properties.get("datasources.default.username"), "");
    }

    @Test
    void shouldKeepPostgresAndNeo4jDataAcrossARestart(@TempDir Path dataDirectory) throws Exception {
        try (EmbeddedInfrastructure first = new EmbeddedInfrastructure(dataDirectory).startNeo4j("127.0.0.1", 0).startPostgres();
             Connection connection = connect(first);
             Statement statement = connection.createStatement();
             GraphDatabase graph = GraphDatabase.connect(first.neo4j().boltUri(), null, null, "neo4j")) {
            statement.execute("CREATE TABLE kept (v TEXT)");
            statement.execute("INSERT INTO kept VALUES ('still here')");
            graph.run("CREATE (:User {id: 'kept'})", Map.of());
        }

        try (EmbeddedInfrastructure second = new EmbeddedInfrastructure(dataDirectory).startNeo4j("127.0.0.1", 0).startPostgres();
             Connection connection = connect(second);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT v FROM kept");
             GraphDatabase graph = GraphDatabase.connect(second.neo4j().boltUri(), null, null, "neo4j")) {
            rs.next();
            assertEquals("still here", rs.getString(1));
            long users = graph.read(tx -> tx.run("MATCH (u:User {id: 'kept'}) RETURN count(u)").single().get(0).asLong());
            assertEquals(1L, users);
        }
    }
}
