package io.stylegraph.api.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stylegraph.graph.domain.UserIds;
import io.stylegraph.api.security.DataDirectorySecret;
import io.stylegraph.api.security.IssuedToken;
import io.stylegraph.api.security.Roles;
import io.stylegraph.api.security.SigningSecret;
import io.stylegraph.api.security.TokenIssuer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Prints a bearer token (JWT, HS256) for the API, signed with the configured secret "
                + "(STYLEGRAPH_JWT_SECRET) or, when none is configured, with the demo secret in --data-dir that "
                + "'serve' creates on the embedded stores.",
                "Example: curl -H \"Authorization: Bearer $(./stylegraph token --role analyst)\" localhost:8080/v1/items"})
public class TokenCommand implements Callable<Integer> {
    private static final Pattern TTL = Pattern.compile("(\\d+)([smhd])");

    @Spec
    CommandSpec spec;

    @Option(names = "--role", required = true, description = "app, analyst, trainer or admin.")
    String role;

    @Option(names = "--user", description = "The user an app token acts for (required with --role app); for other "
            + "roles the token's subject (default: the role name).")
    String user;

    @Option(names = "--ttl", defaultValue = "12h", description = "How long the token is valid: a number and s, m, h or "
            + "d (default: ${DEFAULT-VALUE}).")
    String ttl;

    @Option(names = "--data-dir", defaultValue = "${STYLEGRAPH_DATA_DIR:-data}",
            description = "Where 'serve' keeps its demo secret (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Override
    public Integer call() throws IOException {
        if (!Roles.ALL.contains(role)) {
            throw new ParameterException(spec.commandLine(), "--role must be one of " + String.join(", ", Roles.ALL));
        }
        if (Roles.APP.equals(role) && user == null) {
            throw new ParameterException(spec.commandLine(), "--role app needs --user: an app token acts for one user");
        }
        if (user != null && !UserIds.valid(user)) {
            throw new ParameterException(spec.commandLine(), "--user " + UserIds.RULE);
        }
        Duration validFor = parseTtl(ttl);
        boolean configured = ConfiguredProperties.read(properties -> SigningSecret.configured(properties).isPresent());
        Optional<String> demoSecret = configured ? Optional.empty() : DataDirectorySecret.load(dataDirectory);
        Map<String, Object> overrides = demoSecret.<Map<String, Object>>map(s -> Map.of(SigningSecret.PROPERTY, s))
                .orElse(Map.of());
        TokenIssuer issuer = ConfiguredProperties.read(overrides, TokenIssuer::new);
        if (!issuer.canIssue()) {
            spec.commandLine().getErr().println("stylegraph token: " + (configured
                    ? "the configured secret (STYLEGRAPH_JWT_SECRET) is shorter than " + SigningSecret.MIN_BYTES + " bytes"
                    : "no signing secret: set STYLEGRAPH_JWT_SECRET as the service has it, or run './stylegraph serve' "
                    + "once on the embedded stores to create " + DataDirectorySecret.file(dataDirectory)));
            return 1;
        }
        String subject = user != null ? user : role;
        IssuedToken token = issuer.issue(subject, List.of(role), validFor);
        spec.commandLine().getOut().println(token.token());
        spec.commandLine().getErr().println("role " + role + ", subject " + subject + ", valid until " + token.expiresAt());
        return 0;
    }

    private Duration parseTtl(String value) {
        Matcher matcher = TTL.matcher(value.strip());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new ParameterException(spec.commandLine(), "--ttl must be a positive number and s, m, h or d, e.g. 12h");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
