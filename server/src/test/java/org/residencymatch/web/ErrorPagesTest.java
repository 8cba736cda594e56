package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * Every error a person can meet from a page (400, 403, 404, 409, 413, 422, 500) is a page in their
 * language that says what happened and what to do next, with no internal code, no exception text and,
 * on a French page, none of the English texts.
 */
@DatabaseTest
class ErrorPagesTest {

    /** October of the first iteration: program selection, so rank order lists are not open yet. */
    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
    @RegisterExtension
    static final TestServer web = TestServer.demo(clock);

    /** What no page may show: the service's codes and its English details, and any trace of an exception. */
    private static final List<String> INTERNAL = List.of("INVALID_FIELD", "OUTSIDE_PHASE", "FORBIDDEN", "NOT_FOUND", "TOO_LARGE",
            "INTERNAL",
            "NOT_ELIGIBLE", "Exception", "choose a program stream", "your role may not do this", "no couple", "ROL_OPEN", "of 2025-R1",
            "the request body is larger", "a secret detail", "an applicant cannot form a couple alone", "Endpoint GET");

    @BeforeAll
    static void aRouteThatFails() {
        // A bug, as a route would meet one: the page must say something went wrong, and nothing of the bug.
        web.server().javalin().unsafe.internalRouter.addHttpEndpoint(new Endpoint(HandlerType.GET, "/applicant/failing-for-a-test",
                ctx -> {
                    throw new IllegalStateException("a secret detail A-2001");
                }, Set.of(new Roles(Set.of(Access.APPLICANT)))));
    }

    private static BrowserlessSession applicant(String email, String language) throws Exception {
        BrowserlessSession session = new BrowserlessSession(web.port());
        session.signIn(email, DemoData.PASSWORD);
        session.get("/applicant/follow-ups?lang=" + language);
        return session;
    }

    /** The page is in the language, says the status' heading and what to do next (unless the page is a form's), and nothing internal. */
    private static void friendly(HttpResponse<String> page, int status, String language) {
        Messages m = Messages.of(language), other = Messages.of(language.equals("fr") ? "en" : "fr");
        assertThat(page.statusCode()).isEqualTo(status);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String body = page.body();
        assertThat(body).contains("<html lang=\"" + language + "\"");
        for (String internal : INTERNAL) assertThat(body).as("status %d page in %s", status, language).doesNotContain(internal);
        if (status == 422) return;
        assertThat(body).contains(m.t("error.heading." + status)).doesNotContain(other.t("error.heading." + status));
        assertThat(body).doesNotContain(other.t("error.home"));
    }

    private static void withAdvice(HttpResponse<String> page, String language, String advice) {
        assertThat(page.body()).contains(Messages.of(language).t(advice));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void aValueTheFormCannotTakeIs400SayingWhatToCorrect(String language) throws Exception {
        BrowserlessSession amira = applicant("amira.haddad@applicant.example", language);
        HttpResponse<String> noStream = amira.post("/applicant/applications", Map.of("streamId", "", "iteration", "1"));
        friendly(noStream, 400, language);
        withAdvice(noStream, language, "error.next.400");
        assertThat(noStream.body()).contains(Messages.of(language).t("error.code.INVALID_FIELD"));

        amira.get("/applicant/rank-list?iteration=1");
        HttpResponse<String> alone = amira.post("/applicant/couple", Map.of("partner", "A-2001", "iteration", "1"));
        friendly(alone, 400, language);
        assertThat(alone.body()).contains(Messages.of(language).t("couple.error.partnerUnknown"));
    }

    @Test
    void noMatchOnBothSidesOfAPairIsSaidBesideThePairsSelects() throws Exception {
        var couple = web.services().couples().propose(DemoData.CYCLE, 1, "A-1001", "A-1002");
        web.services().couples().accept(DemoData.CYCLE, couple.id(), "A-1002");
        // The pairs' editor is there while rank order lists are open (outside, the list is shown read-only).
        LocalDateTime before = LocalDateTime.now(clock);
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
        try {
            for (String language : List.of("en", "fr")) {
                BrowserlessSession emilie = applicant(web.services().profiles().identity("A-1001").orElseThrow().email(), language);
                emilie.get("/applicant/rank-list?iteration=1");
                HttpResponse<String> added = emilie.post("/applicant/couple/" + couple.id() + "/rank-list",
                        Map.of("action", "add:", "mine", "", "partner", ""));
                assertThat(added.statusCode()).isEqualTo(302);
                String back = added.headers().firstValue("Location").orElseThrow();
                assertThat(back).contains("error=bothNoMatch");
                HttpResponse<String> page = emilie.get(back);
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("<html lang=\"" + language + "\"")
                        .contains(
                                "id=\"pair-error\" role=\"alert\">" + Messages.of(language).t("couple.error.bothNoMatch").split("[\"«]")[0])
                        .contains("aria-describedby=\"pair-error\"").contains("aria-invalid=\"true\"");
            }
        } finally {
            clock.set(before);
        }
        web.services().couples().dissolve(DemoData.CYCLE, couple.id(), "A-1001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void aPageTheRoleMayNotSeeIs403(String language) throws Exception {
        HttpResponse<String> page = applicant("amira.haddad@applicant.example", language).get("/operator/cap");
        friendly(page, 403, language);
        withAdvice(page, language, "error.next.403");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void anAddressNobodyServesAndARecordThatIsNotYoursAre404(String language) throws Exception {
        BrowserlessSession amira = applicant("amira.haddad@applicant.example", language);
        HttpResponse<String> nowhere = amira.get("/applicant/no-such-page");
        friendly(nowhere, 404, language);
        withAdvice(nowhere, language, "error.next.404");
        amira.get("/applicant/rank-list?iteration=1");
        HttpResponse<String> notHers = amira.post("/applicant/couple/999999/accept", Map.of());
        friendly(notHers, 404, language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void anActionOutsideItsPhaseIs409SayingWhenItOpens(String language) throws Exception {
        BrowserlessSession amira = applicant("amira.haddad@applicant.example", language);
        amira.get("/applicant/rank-list?iteration=1");
        HttpResponse<String> early = amira.post("/applicant/rank-list", Map.of("iteration", "1", "action", "save"));
        friendly(early, 409, language);
        Messages m = Messages.of(language);
        // Still to come: the next step says when it opens (its text up to the date).
        String opensOn = m.t("refusal.outsidePhase.opensOn", "\u0000").split("\u0000")[0];
        assertThat(early.body()).contains(m.t("phase.name.ROL_OPEN")).contains(opensOn).doesNotContain(m.t("refusal.outsidePhase.next"));

        // The staff's editor, outside the ranking window: the same page, not a raw 409 with codes.
        String ubcStream = web.services().quotas().streams(DemoData.CYCLE).stream().filter(s -> s.facultyId().equals("UBC")).findFirst()
                .orElseThrow().streamId();
        BrowserlessSession staff = new BrowserlessSession(web.port());
        staff.signIn("staff@ubc.example", DemoData.PASSWORD);
        staff.get("/staff/streams/" + ubcStream + "?iteration=1&lang=" + language);
        HttpResponse<String> staffEarly = staff.post("/staff/streams/" + ubcStream + "/rank-list",
                Map.of("iteration", "1", "action", "submit"));
        friendly(staffEarly, 409, language);
        assertThat(staffEarly.body()).contains(m.t("phase.name.ROL_OPEN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void aBodyTooLargeIs413(String language) throws Exception {
        BrowserlessSession amira = applicant("amira.haddad@applicant.example", language);
        HttpResponse<String> tooLarge = amira.post("/applicant/rank-list", Map.of("iteration", "1", "item", "x".repeat(1_200_000)));
        friendly(tooLarge, 413, language);
        withAdvice(tooLarge, language, "error.next.413");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void aRefusedRegistrationIs422InThePlaceOfItsButton(String language) throws Exception {
        BrowserlessSession olga = applicant("olga.petrova@applicant.example", language);
        HttpResponse<String> refused = olga.post("/applicant/bc-cap", Map.of());
        friendly(refused, 422, language);
        assertThat(refused.body()).contains(Messages.of(language).t("bccap.refused")).contains("role=\"alert\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void aBugIs500SayingNothingOfIt(String language) throws Exception {
        HttpResponse<String> failed = applicant("amira.haddad@applicant.example", language).get("/applicant/failing-for-a-test");
        friendly(failed, 500, language);
        withAdvice(failed, language, "error.next.500");
    }

    @Test
    void scriptsAndTheApiStillGetJson() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> api = http
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + "/api/v1/cycles/2025-R1/no-such-route"))
                        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).doesNotContain("<html");
        HttpResponse<String> script = http
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + "/applicant/no-such-page"))
                        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(404);
        assertThat(script.body()).doesNotContain("<html");
    }
}
