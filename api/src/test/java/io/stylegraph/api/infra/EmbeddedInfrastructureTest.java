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

    private static GraphDatabase service(EmbeddedInfrastructure infrastructure) {
        Map<String, Object> properties = infrastructure.properties();
        return GraphDatabase.connect(infrastructure.neo4j().boltUri(), (String) properties.get("stylegraph.neo4j.username"),
                (String) properties.get("stylegraph.neo4j.password"), "neo4j");
    }

    @Test
    void shouldKeepPostgresAndNeo4jDataAcrossARestart(@TempDir Path dataDirectory) throws Exception {
        try (EmbeddedInfrastructure first = new EmbeddedInfrastructure(dataDirectory).startNeo4j("127.0.0.1", 0).startPostgres();
             Connection connection = connect(first);
             Statement statement = connection.createStatement();
             GraphDatabase graph = service(first)) {
            statement.execute("CREATE TABLE kept (v TEXT)");
            statement.execute("INSERT INTO kept VALUES ('still here')");
            graph.run("CREATE (:User {id: 'kept'})", Map.of());
        }

        try (EmbeddedInfrastructure second = new EmbeddedInfrastructure(dataDirectory).startNeo4j("127.0.0.1", 0).startPostgres();
             Connection connection = connect(second);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT v FROM kept");
             GraphDatabase graph = service(second)) {
            rs.next();
            assertEquals("still here", rs.getString(1));
            long users = graph.read(tx -> tx.run("MATCH (u:User {id: 'kept'}) RETURN count(u)").single().get(0).asLong());
            assertEquals(1L, users);
        }
    }
}
