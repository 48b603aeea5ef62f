package io.stylegraph.api.security;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Headers sent with every response: {@code stylegraph.security-headers.*}. */
@ConfigurationProperties("stylegraph.security-headers")
public class SecurityHeadersConfiguration {
    private String contentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private String swaggerUiContentSecurityPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'";
    private String strictTransportSecurity = "";

    /** A same-origin page plus the JSON API: everything from this origin, images also from data: and blob: URLs. */
    public String getContentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    public void setContentSecurityPolicy(String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /** For {@code /swagger-ui/**} only: the generated Swagger UI page starts itself with an inline script. */
    public String getSwaggerUiContentSecurityPolicy() {
        return swaggerUiContentSecurityPolicy;
    }

    public void setSwaggerUiContentSecurityPolicy(String swaggerUiContentSecurityPolicy) {
        this.swaggerUiContentSecurityPolicy = swaggerUiContentSecurityPolicy;
    }

    /** Sent only when set (e.g. {@code max-age=31536000; includeSubDomains}), i.e. when served behind TLS. */
    public String getStrictTransportSecurity() {
        return strictTransportSecurity;
    }

    public void setStrictTransportSecurity(String strictTransportSecurity) {
        this.strictTransportSecurity = strictTransportSecurity;
    }
}
