package io.stylegraph.api;

import io.stylegraph.api.cli.StylegraphCommand;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import picocli.CommandLine;

@OpenAPIDefinition(info = @Info(
        title = "Stylegraph",
        version = "v1",
        description = "Graph-based multimodal fashion recommender: feed, feedback, catalogue, imports",
        license = @License(name = "GPL-3.0-or-later")),
        security = @SecurityRequirement(name = "bearerAuth"))
@SecurityScheme(name = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT with a `roles` claim (app, analyst, trainer, admin); see docs/security.md")
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        NativeMemory.limitUnlessSet(System.getProperties(), Runtime.getRuntime().maxMemory());
        int exit = new CommandLine(new StylegraphCommand()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
