package io.stylegraph.api.training;

import io.stylegraph.api.recommendations.RecommendationPage;
import static io.stylegraph.api.security.Roles.ADMIN;
import static io.stylegraph.api.security.Roles.ANALYST;
import static io.stylegraph.api.security.Roles.APP;
import static io.stylegraph.api.security.Roles.TRAINER;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.validation.Validated;
import io.stylegraph.graph.domain.UserIds;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.problem.QueryValues;
import io.stylegraph.api.problem.ScreenedInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Validated
@ScreenedInput
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TrainingController {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingController.class);
    private final TrainingService training;
    private final TrainingRunRepository runs;

    public TrainingController(TrainingService training, TrainingRunRepository runs) {
        this.training = training;
        this.runs = runs;
    }

    @Tag(name = "training")
    @Operation(summary = "Start a retraining run now; the result is registered and promoted if it passes the gate")
    @Post("/training/runs")
    @Secured({TRAINER, ADMIN})
    public HttpResponse<TrainingRun> start(Principal caller) {
        TrainingRun run = training.start("api");
        LOG.info("Training run {} requested by {}", run.id(), caller.getName());
        return HttpResponse.<TrainingRun>status(HttpStatus.ACCEPTED)
                .headers(headers -> headers.location(URI.create("/v1/training/runs/" + run.id())))
                .body(run);
    }

    @Tag(name = "training")
    @Operation(summary = "One training run, with its last progress line and outcome")
    @Get("/training/runs/{id}")
    @Secured({ANALYST, TRAINER, ADMIN})
    public TrainingRun run(@PathVariable long id) {
        return runs.findById(id).orElseThrow(() -> ProblemException.notFound("unknown-training-run", "id",
                "No training run " + id));
    }

    @Tag(name = "training")
    @Operation(summary = "The 50 most recent training runs")
    @Get("/training/runs")
    @Secured({ANALYST, TRAINER, ADMIN})
    public List<TrainingRun> recent() {
        return runs.recent();
    }
}
