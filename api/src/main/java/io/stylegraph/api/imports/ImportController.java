package io.stylegraph.api.imports;

import static io.stylegraph.api.security.Roles.ADMIN;
import static io.stylegraph.api.security.Roles.ANALYST;

import java.net.URI;
import java.util.List;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.validation.Validated;
import io.stylegraph.api.problem.ProblemException;
import io.stylegraph.api.problem.ScreenedInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Validated
@ScreenedInput
@Controller("/v1/imports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "catalogue")
public class ImportController {
    private final CatalogueLocator locator;
    private final ImportService imports;
    private final ImportJobRepository jobs;

    public ImportController(CatalogueLocator locator, ImportService imports, ImportJobRepository jobs) {
        this.locator = locator;
        this.imports = imports;
        this.jobs = jobs;
    }

    @Operation(summary = "Import a dataset or a folder in the generic format; runs in the background")
    @Post
    @Secured(ADMIN)
    public HttpResponse<ImportJob> start(@Body @Valid ImportCommand command) {
        ImportJob job = imports.submit(locator.locate(command.dataset(), command.path()));
        return HttpResponse.<ImportJob>status(HttpStatus.ACCEPTED)
                .headers(headers -> headers.location(URI.create("/v1/imports/" + job.id())))
                .body(job);
    }

    @Operation(summary = "One import job")
    @Get("/{id}")
    @Secured({ANALYST, ADMIN})
    public ImportJob job(@PathVariable long id) {
        return jobs.findById(id).orElseThrow(() -> ProblemException.notFound("unknown-import", "id",
                "No import job " + id));
    }

    @Operation(summary = "The 50 most recent import jobs")
    @Get
    @Secured({ANALYST, ADMIN})
    public List<ImportJob> recent() {
        return jobs.recent();
    }
}
