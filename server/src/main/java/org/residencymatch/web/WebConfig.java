package org.residencymatch.web;

/**
 * How the web server runs.
 *
 * @param bootstrapToken when set, accepted as an operator API token (so scripts can drive a fresh
 *     service); from {@code RESIDENCY_BOOTSTRAP_TOKEN}
 * @param secureCookies whether cookies carry the Secure attribute (on for anything served over HTTPS;
 *     browsers also accept Secure cookies from http://localhost)
 */
public record WebConfig(String bootstrapToken, boolean secureCookies) {

    public static WebConfig fromEnvironment() {
        String token = System.getenv("RESIDENCY_BOOTSTRAP_TOKEN");
        return new WebConfig(token == null || token.isBlank() ? null : token, true);
    }
}
