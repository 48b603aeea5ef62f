package io.stylegraph.api.imports;

import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ImportJobRepository extends CrudRepository<ImportJob, Long> {

    boolean existsBySourceAndPathAndStatus(String source, String path, String status);

    /** Every folder an import was asked to read; the pictures inside them may be served. */
    @Query("SELECT DISTINCT path FROM import_job WHERE path IS NOT NULL")
    List<String> importedFolders();

    @Query("SELECT * FROM import_job ORDER BY id DESC LIMIT 50")
    List<ImportJob> recent();
}
