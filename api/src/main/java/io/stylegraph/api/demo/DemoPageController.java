package io.stylegraph.api.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.stylegraph.api.problem.ScreenedInput;
import io.swagger.v3.oas.annotations.Hidden;

/** Sends browsers that open the service's root to the demo page, a static resource under {@code /demo/}. */
@Hidden
@ScreenedInput
@Controller
@Requires(property = DemoPage.ENABLED, notEquals = "false")
public class DemoPageController {
    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> root() {
        return HttpResponse.seeOther(DemoPage.PAGE);
    }
}
