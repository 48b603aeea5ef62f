package io.stylegraph.api.registry;

import java.util.List;
import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ModelVersionRepository extends CrudRepository<ModelVersion, Long> {

    Optional<ModelVersion> findByKindAndStatus(String kind, String status);

    @Query("SELECT * FROM model_version WHERE kind = :kind ORDER BY id DESC LIMIT :limit")
    List<ModelVersion> recent(String kind, int limit);

    /** Locks the kind's active row (if any) so two promotions of the same kind run one after the other. */
    @Query("SELECT * FROM model_version WHERE kind = :kind AND status = 'active' FOR UPDATE")
    Optional<ModelVersion> lockActive(String kind);
}
