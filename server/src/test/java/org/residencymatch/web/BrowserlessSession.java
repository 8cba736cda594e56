package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser without the browser: keeps cookies, reads the CSRF token from the last page and
 * posts forms, against a running server. Redirects are not followed, so tests see them.
 */
final class BrowserlessSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies;
    private final HttpClient http;
    private String lastCsrf;

    BrowserlessSession(int port) {
        this(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private BrowserlessSession(int port, CookieManager cookies) {
        this.port = port;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same browser talking to another instance of the service (both on localhost, so the cookies go along). */
    BrowserlessSession sameCookiesOn(int otherPort) {
        BrowserlessSession other = new BrowserlessSession(otherPort, cookies);
        other.lastCsrf = lastCsrf;
        return other;
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) lastCsrf = m.group(1);
        return response;
    }

    /** Posts a form with the CSRF token of the last page fetched (unless the fields say otherwise). */
    /** Follows a job's progress page, as the visitor would by looking again, until it sends them on. */
    String followProgress(String progressPath) throws Exception {
        for (int look = 0; look < 200; look++) {
            HttpResponse<String> page = get(progressPath);
            if (page.statusCode() == 302) return page.headers().firstValue("Location").orElseThrow();
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("hx-trigger=\"every 1s\"").contains("<progress");
            Thread.sleep(50);
        }
        throw new AssertionError("the job at " + progressPath + " did not finish");
    }

    HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        if (lastCsrf != null) form.put("_csrf", lastCsrf);
        form.putAll(fields);
        return postRaw(path, form);
    }

    /**
     * Posts a form whose fields may repeat (as the rank list editor's {@code item}s), given as name, value,
     * name, value, ..., with the CSRF token of the last page fetched.
     */
    HttpResponse<String> postFields(String path, String... nameThenValue) throws Exception {
        StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(String.valueOf(lastCsrf), StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < nameThenValue.length; i += 2) {
            body.append('&').append(URLEncoder.encode(nameThenValue[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(nameThenValue[i + 1], StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postRaw(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a multipart form with one file, and the CSRF token of the last page fetched. */
    HttpResponse<String> postFile(String path, String fileName, byte[] content) throws Exception {
        String boundary = "----residency" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        String csrf = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + lastCsrf + "\r\n";
        body.write(csrf.getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a file as a form's "file" part, with the form's other fields (and its CSRF token). */
    HttpResponse<String> postFile(String path, String fileName, byte[] content, Map<String, String> fields) throws Exception {
        String boundary = "----residency" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("_csrf", lastCsrf);
        for (Map.Entry<String, String> field : all.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n" + field.getValue()
                    + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the login form and returns the response to the form post. */
    HttpResponse<String> signIn(String email, String password) throws Exception {
        get("/login");
        return post("/login", Map.of("email", email, "password", password, "next", "/"));
    }

    /** The CSRF token of the last page fetched. */
    String csrfToken() {
        return lastCsrf;
    }

    String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(Authentication.SESSION_COOKIE))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
