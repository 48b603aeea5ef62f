package io.stylegraph.api.imports;

import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ImportJobRepository extends CrudRepository<ImportJob, Long> {

    boolean existsBySourceAndPathAndStatus(String source, String path, String status);

    @Query("SELECT * FROM import_job ORDER BY id DESC LIMIT 50")
    List<ImportJob> recent();
}
