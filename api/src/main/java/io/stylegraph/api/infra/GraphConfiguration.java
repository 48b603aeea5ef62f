package io.stylegraph.api.infra;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** Where the style graph lives: {@code stylegraph.neo4j.*} (env NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE). */
@ConfigurationProperties("stylegraph.neo4j")
public class GraphConfiguration {
    private String uri = "bolt://localhost:7687";
    @Nullable
    private String username;
    @Nullable
    private String password;
    private String database = "neo4j";

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    @Nullable
    public String getUsername() {
        return username;
    }

    public void setUsername(@Nullable String username) {
        this.username = username;
    }

    @Nullable
    public String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }
}
