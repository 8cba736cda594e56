package org.residencymatch.web;

/**
 * How the web server runs.
 *
 * @param bootstrapToken when set, accepted as an operator API token (so scripts can drive a fresh
 *     service); from {@code RESIDENCY_BOOTSTRAP_TOKEN}
 * @param supportEmail where applicants write to the operator ({@code RESIDENCY_SUPPORT_EMAIL})
 * @param secureCookies whether cookies carry the Secure attribute (on for anything served over HTTPS;
 *     browsers also accept Secure cookies from http://localhost)
 */
public record WebConfig(String bootstrapToken, boolean secureCookies, String supportEmail) {

    public static final String DEFAULT_SUPPORT_EMAIL = "support@residency-match.example";

    /** A configuration with the default support address. */
    public WebConfig(String bootstrapToken, boolean secureCookies) {
        this(bootstrapToken, secureCookies, DEFAULT_SUPPORT_EMAIL);
    }

    public static WebConfig fromEnvironment() {
        String token = System.getenv("RESIDENCY_BOOTSTRAP_TOKEN");
        String support = System.getenv("RESIDENCY_SUPPORT_EMAIL");
        return new WebConfig(token == null || token.isBlank() ? null : token, true,
                support == null || support.isBlank() ? DEFAULT_SUPPORT_EMAIL : support);
    }
}
