package io.stylegraph.api.training;

import java.net.URI;
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
import io.micronaut.validation.Validated;
import io.stylegraph.api.feedback.UserController;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.problem.QueryValues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

@Validated
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TrainingController {
    private final TrainingService training;
    private final TrainingRunRepository runs;
    private final RecommendationService recommendations;

    public TrainingController(TrainingService training, TrainingRunRepository runs,
                              RecommendationService recommendations) {
        this.training = training;
        this.runs = runs;
        this.recommendations = recommendations;
    }

    @Tag(name = "training")
    @Operation(summary = "Start a retraining run now; the result is registered and promoted if it passes the gate")
    @Post("/training/runs")
    public HttpResponse<TrainingRun> start() {
        TrainingRun run = training.start("api");
        return HttpResponse.<TrainingRun>status(HttpStatus.ACCEPTED)
                .headers(headers -> headers.location(URI.create("/v1/training/runs/" + run.id())))
                .body(run);
    }

    @Tag(name = "training")
    @Operation(summary = "One training run, with its last progress line and outcome")
    @Get("/training/runs/{id}")
    public TrainingRun run(@PathVariable long id) {
        return runs.findById(id).orElseThrow(() -> ProblemException.notFound("unknown-training-run", "id",
                "No training run " + id));
    }

    @Tag(name = "training")
    @Operation(summary = "The 50 most recent training runs")
    @Get("/training/runs")
    public List<TrainingRun> recent() {
        return runs.recent();
    }

    @Tag(name = "recommendations")
    @Operation(summary = "Personalized items for a user from the served model (popular items when there is none)")
    @Get("/users/{userId}/recommendations")
    public RecommendationPage recommendations(
            @PathVariable @Pattern(regexp = UserController.USER_ID, message = UserController.USER_ID_MESSAGE) String userId,
            @QueryValue(defaultValue = "20") @Min(1) @Max(200) int k,
            @Nullable @QueryValue String slot, @Nullable @QueryValue String gender) {
        return recommendations.recommend(userId, k, QueryValues.slot(slot), QueryValues.gender(gender));
    }
}
