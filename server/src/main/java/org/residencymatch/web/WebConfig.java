package org.residencymatch.web;

/**
 * How the web server runs.
 *
 * @param bootstrapToken when set, accepted as an operator API token (so scripts can drive a fresh
 *     service); from {@code RESIDENCY_BOOTSTRAP_TOKEN}
 * @param supportEmail where applicants write to the operator ({@code RESIDENCY_SUPPORT_EMAIL})
 * @param publicUrl the address people reach the service at, for links in emails
 * @param secureCookies whether cookies carry the Secure attribute (on for anything served over HTTPS;
 *     browsers also accept Secure cookies from http://localhost)
 * @param trustedProxies the load balancers whose {@code X-Forwarded-For} names the client
 *     ({@code RESIDENCY_TRUSTED_PROXIES}); none by default, and then the header is ignored
 */
public record WebConfig(String bootstrapToken, boolean secureCookies, String supportEmail, String publicUrl,
        TrustedProxies trustedProxies) {

    public static final String DEFAULT_SUPPORT_EMAIL = "support@residency-match.example";

    public WebConfig {
        if (trustedProxies == null) trustedProxies = TrustedProxies.NONE;
    }

    public WebConfig(String bootstrapToken, boolean secureCookies, String supportEmail, String publicUrl) {
        this(bootstrapToken, secureCookies, supportEmail, publicUrl, TrustedProxies.NONE);
    }

    /** A configuration with the default support address, served on localhost:7070. */
    public WebConfig(String bootstrapToken, boolean secureCookies) {
        this(bootstrapToken, secureCookies, DEFAULT_SUPPORT_EMAIL, "http://localhost:7070");
    }

    /**
     * From {@code RESIDENCY_BOOTSTRAP_TOKEN}, {@code RESIDENCY_SUPPORT_EMAIL}, {@code RESIDENCY_PUBLIC_URL}
     * (default: localhost on the port) and {@code RESIDENCY_TRUSTED_PROXIES}.
     */
    public static WebConfig fromEnvironment(int port) {
        String token = System.getenv("RESIDENCY_BOOTSTRAP_TOKEN");
        String support = System.getenv("RESIDENCY_SUPPORT_EMAIL");
        String url = System.getenv("RESIDENCY_PUBLIC_URL");
        return new WebConfig(token == null || token.isBlank() ? null : token, true,
                support == null || support.isBlank() ? DEFAULT_SUPPORT_EMAIL : support,
                url == null || url.isBlank() ? "http://localhost:" + port : url.replaceAll("/+$", ""),
                TrustedProxies.parse(System.getenv("RESIDENCY_TRUSTED_PROXIES")));
    }

    public WebConfig withSecureCookies(boolean secure) {
        return new WebConfig(bootstrapToken, secure, supportEmail, publicUrl, trustedProxies);
    }

    public WebConfig withTrustedProxies(TrustedProxies proxies) {
        return new WebConfig(bootstrapToken, secureCookies, supportEmail, publicUrl, proxies);
    }
}
