package io.stylegraph.api.security;

import java.security.SecureRandom;
import java.util.List;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.stylegraph.api.problem.ScreenedInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Demo sessions for the web demo page; the route exists only in demo mode, elsewhere it is a plain 404. */
@ScreenedInput
@Controller("/v1/demo")
@Requires(property = DemoConfiguration.ENABLED, value = "true")
@Tag(name = "demo")
public class DemoSessionController {
    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private final TokenIssuer issuer;
    private final DemoConfiguration configuration;
    private final SecureRandom random = new SecureRandom();

    public DemoSessionController(TokenIssuer issuer, DemoConfiguration configuration) {
        this.issuer = issuer;
        this.configuration = configuration;
    }

    @Operation(summary = "Demo mode only: a new demo user id and an app token acting for it (201)")
    @Post("/sessions")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<DemoSession> create() {
        String userId = "demo-" + randomId(12);
        IssuedToken token = issuer.issue(userId, List.of(Roles.APP), configuration.getSessionTtl());
        return HttpResponse.created(new DemoSession(userId, token.token(), token.expiresAt()));
    }

    private String randomId(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
