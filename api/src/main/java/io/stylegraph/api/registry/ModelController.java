package io.stylegraph.api.registry;

import static io.stylegraph.api.security.Roles.ADMIN;
import static io.stylegraph.api.security.Roles.ANALYST;
import static io.stylegraph.api.security.Roles.TRAINER;

import java.security.Principal;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.validation.Validated;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.problem.ScreenedInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Validated
@ScreenedInput
@Controller("/v1/models")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "training")
public class ModelController {
    private static final Logger LOG = LoggerFactory.getLogger(ModelController.class);
    private final ModelRegistry registry;
    private final JsonMapper json;

    public ModelController(ModelRegistry registry, JsonMapper json) {
        this.registry = registry;
        this.json = json;
    }

    /** Why a version is being promoted by hand (kept on the version). */
    @Serdeable
    public record PromoteCommand(@Nullable @Size(max = 500) String reason) {
    }

    @Operation(summary = "Model versions of a kind, newest first")
    @Get
    @Secured({ANALYST, TRAINER, ADMIN})
    public List<ModelVersionView> list(@QueryValue(defaultValue = "recommender") String kind,
                                       @QueryValue(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return registry.recent(kind, limit).stream().map(version -> ModelVersionView.of(version, json)).toList();
    }

    @Operation(summary = "One model version")
    @Get("/{id}")
    @Secured({ANALYST, TRAINER, ADMIN})
    public ModelVersionView get(@PathVariable long id) {
        return registry.find(id).map(version -> ModelVersionView.of(version, json))
                .orElseThrow(() -> ProblemException.notFound("unknown-model", "id", "No model version " + id));
    }

    @Operation(summary = "Serve this version (the previous one is retired); promoting an older version rolls back")
    @Post("/{id}/promote")
    @Secured({TRAINER, ADMIN})
    public ModelVersionView promote(@PathVariable long id, @Nullable @Body PromoteCommand command,
                                    Principal caller) {
        String reason = command == null || command.reason() == null ? "promoted through the API" : command.reason();
        ModelVersionView promoted = ModelVersionView.of(registry.promote(id, reason), json);
        LOG.info("Model version {} promoted by {}: {}", id, caller.getName(), reason);
        return promoted;
    }
}
