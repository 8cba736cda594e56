package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.Services;
import org.residencymatch.account.Accounts;
import org.residencymatch.api.client.ApiClient;
import org.residencymatch.api.client.ApiException;
import org.residencymatch.api.client.api.ApplicantsApi;
import org.residencymatch.api.client.api.RegistrationApi;
import org.residencymatch.api.client.model.ApiError;
import org.residencymatch.api.client.model.SignInRequest;
import org.residencymatch.api.client.model.SignedIn;
import org.residencymatch.demo.DemoData;
import org.residencymatch.web.TestServer;

/**
 * The real server on a free port over a fresh database seeded with the demo (cycle 2025-R1, its 815
 * streams, the demo applicants and the three partner lists), for one API test class; and clients
 * generated from {@code openapi.yaml} to call it. The API tests reach the server only through those
 * clients. The clients refuse any response field that the contract does not declare.
 */
final class DemoApiServer implements AutoCloseable {

    static final String CYCLE = DemoData.CYCLE;
    /** The service's bootstrap token in these tests: it acts as the operator. */
    private static final String OPERATOR_TOKEN = "api-test-operator-token";
    private static final ObjectMapper CONTRACT_JSON = ApiClient.createDefaultObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final TestServer server;

    private DemoApiServer(TestServer server) {
        this.server = server;
    }

    static DemoApiServer start() {
        return start(Clock.systemUTC());
    }

    /**
     * Like {@link #start()}, with the server's services on this clock (a {@code MutableClock} lets a
     * test walk the cycle's calendar: phases are enforced with the clock's time).
     */
    static DemoApiServer start(Clock clock) {
        return new DemoApiServer(TestServer.demo(clock).withBootstrapToken(OPERATOR_TOKEN).start());
    }

    /** The services behind the server, for checks the API does not expose (such as the audit log). */
    Services services() {
        return server.services();
    }

    /** A client that sends the bootstrap token, i.e. acts as the match operator. */
    ApiClient operator() {
        return bearer(OPERATOR_TOKEN);
    }

    /**
     * A client for {@code uploadList} that sends {@code file} as the raw body with this bearer token.
     * The generated client cannot do it alone: it writes its {@code File} parameter as JSON, and it
     * reads every answer as the 200 {@code IdenticalListUpload} although a new draft is answered 201
     * with a {@code ListUploadPreview}; so this client does not refuse undeclared fields, and the test
     * reads the draft back with {@code listUploads}.
     */
    ApiClient uploading(String token, byte[] file) {
        ApiClient client = new ApiClient(ApiClient.createDefaultHttpClientBuilder(),
                ApiClient.createDefaultObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES),
                "http://localhost:" + server.port());
        client.setRequestInterceptor(request -> {
            request.header("Authorization", "Bearer " + token);
            request.method("POST", HttpRequest.BodyPublishers.ofByteArray(file));
        });
        return client;
    }

    /** Where the server listens, for the requests the generated client cannot make (a multipart form). */
    String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** A client that sends no credentials at all. */
    ApiClient anonymous() {
        return intercepting(request -> {
        });
    }

    /** A client without credentials that sends this body with this content type instead of the model's JSON. */
    ApiClient anonymousSending(String contentType, String rawBody) {
        return intercepting(request -> request.setHeader("Content-Type", contentType)
                .method(request.copy().build().method(), HttpRequest.BodyPublishers.ofString(rawBody)));
    }

    /** A client that sends this bearer token. */
    ApiClient bearer(String token) {
        return intercepting(request -> request.header("Authorization", "Bearer " + token));
    }

    /**
     * The operator's client, sending {@code rawBody} instead of the body the typed request model
     * would write: for malformed requests that the model cannot express (not JSON, an unknown enum
     * value, a date that is no date).
     */
    ApiClient operatorSending(String rawBody) {
        return intercepting(request -> {
            request.header("Authorization", "Bearer " + OPERATOR_TOKEN);
            request.method(request.copy().build().method(), HttpRequest.BodyPublishers.ofString(rawBody));
        });
    }

    /** A bearer token issued to the user account with this email, as the service issues tokens to users. */
    String tokenForAccount(String email) {
        Jdbi jdbi = server.services().database().jdbi();
        return jdbi.inTransaction(h -> {
            long userId = h.createQuery("SELECT id FROM user_account WHERE email = :email")
                    .bind("email", email).mapTo(Long.class).one();
            return new Accounts(jdbi, server.services().clock()).issueApiToken(h, userId, "API test");
        });
    }

    /** A bearer token for a demo applicant's own account (found by the email of their profile). */
    String tokenForApplicant(String applicantId) throws ApiException {
        return tokenForAccount(new ApplicantsApi(operator()).getApplicant(CYCLE, applicantId).getEmail());
    }

    /**
     * A client of someone signed in through the API, as an applicant's own client works: it signs in
     * with {@code signIn}, keeps the session cookie, and sends the session's CSRF token with every request.
     */
    SignedInClient signIn(String email, String password) throws ApiException {
        java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
        ApiClient client = new ApiClient(ApiClient.createDefaultHttpClientBuilder().cookieHandler(cookies), CONTRACT_JSON,
                "http://localhost:" + server.port());
        SignedIn session = new RegistrationApi(client).signIn(new SignInRequest().email(email).password(password));
        client.setRequestInterceptor(request -> request.header("X-CSRF-Token", session.getCsrfToken()));
        return new SignedInClient(client, session);
    }

    /** A signed-in client and what the sign-in answered. */
    record SignedInClient(ApiClient client, SignedIn session) {
    }

    /**
     * The token of the latest confirmation link emailed to this address, read from the email outbox
     * as the applicant would read it in their mailbox; empty when none was sent.
     */
    java.util.Optional<String> confirmationToken(String email) {
        return server.services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT body FROM outbox_message WHERE channel = 'EMAIL' AND recipient = :r AND subject_key = 'email.confirm' ORDER BY id DESC")
                .bind("r", email).mapTo(String.class).findFirst())
                .map(link -> java.net.URI.create(link).getQuery().replaceFirst("^token=", ""));
    }

    /** Runs a call that must fail with this HTTP status, and returns the error body it was answered with. */
    static ApiError failure(int expectedStatus, ThrowingCallable call) {
        ApiException failure = catchThrowableOfType(ApiException.class, call);
        assertThat(failure).as("the call should have failed with HTTP %d", expectedStatus).isNotNull();
        assertThat(failure.getCode()).as(failure.getResponseBody()).isEqualTo(expectedStatus);
        try {
            return CONTRACT_JSON.readValue(failure.getResponseBody(), ApiError.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the error body is not an Error of the contract: " + failure.getResponseBody(), e);
        }
    }

    /** Like {@link #failure}, for a 400 that must name the field at fault. */
    static ApiError invalidField(String expectedField, ThrowingCallable call) {
        ApiError error = failure(400, call);
        assertThat(error.getCode()).isEqualTo("INVALID_FIELD");
        assertThat(error.getField()).as(error.getMessage()).isEqualTo(expectedField);
        return error;
    }

    /** Like {@link #failure}, for a 404 NOT_FOUND. */
    static ApiError notFound(ThrowingCallable call) {
        ApiError error = failure(404, call);
        assertThat(error.getCode()).isEqualTo("NOT_FOUND");
        return error;
    }

    private ApiClient intercepting(Consumer<HttpRequest.Builder> interceptor) {
        ApiClient client = new ApiClient(ApiClient.createDefaultHttpClientBuilder(), CONTRACT_JSON, "http://localhost:" + server.port());
        client.setRequestInterceptor(interceptor);
        return client;
    }

    @Override
    public void close() {
        server.close();
    }
}
