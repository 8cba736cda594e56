package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;

/** Registering, confirming the email, and resetting a password, as a person does it in pages. */
@DatabaseTest
class RegistrationPagesTest {

    /** Registration is open during registration and program selection; the demo's clock is in program selection. */
    static final org.residencymatch.store.MutableClock clock = new org.residencymatch.store.MutableClock(
            java.time.LocalDateTime.of(2024, 10, 15, 12, 0));

    @RegisterExtension
    static final TestServer web = TestServer.demo(clock);

    /** The link of the newest queued email to this address, as the person would click it. */
    private static String lastLink(String email) {
        String link = web.services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT body FROM outbox_message WHERE channel = 'EMAIL' AND recipient = :r ORDER BY id DESC").bind("r", email)
                .setMaxRows(1).mapTo(String.class).one());
        return link.substring(link.indexOf("/", "http://".length()));
    }

    private static int emailsTo(String email) {
        return web.services().database().jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox_message WHERE channel = 'EMAIL' AND recipient = :r")
                        .bind("r", email).mapTo(Integer.class).one());
    }

    @Test
    void aNewApplicantRegistersConfirmsTheirEmailAndSignsIn() throws Exception {
        BrowserlessSession person = new BrowserlessSession(web.port());
        person.get("/register");
        HttpResponse<String> invalid = person.post("/register", Map.of("email", "not-an-email", "password", "short",
                "givenNames", "Noor", "familyName", "", "dateOfBirth", "1994-02-30"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("role=\"alert\"").contains("aria-describedby=\"email-error\"").contains("aria-invalid=\"true\"")
                .contains("at least 12 characters").contains("value=\"Noor\"");

        person.get("/register");
        HttpResponse<String> done = person.post("/register", Map.of("email", "noor.el-amin@example.org", "password", "a long enough secret",
                "givenNames", "Noor", "familyName", "El-Amin", "dateOfBirth", "1994-02-28"));
        assertThat(done.body()).contains("We sent a confirmation link");
        assertThat(new BrowserlessSession(web.port()).signIn("noor.el-amin@example.org", "a long enough secret").body())
                .contains("Confirm your email address first");

        assertThat(person.get(lastLink("noor.el-amin@example.org")).body()).contains("Your email address is confirmed");
        assertThat(person.get(lastLink("noor.el-amin@example.org")).statusCode()).as("a link works once").isEqualTo(400);
        BrowserlessSession noor = new BrowserlessSession(web.port());
        assertThat(noor.signIn("noor.el-amin@example.org", "a long enough secret").statusCode()).isEqualTo(302);
        assertThat(noor.get("/applicant/catalogue").body()).contains("Your profile for this match is not filled in yet");
    }

    @Test
    void aNameTooLongOrABirthDateInTheFutureIsToldWhatIsWrongInEnglishAndFrench() throws Exception {
        BrowserlessSession person = new BrowserlessSession(web.port());
        person.get("/register");
        String tomorrow = java.time.LocalDate.now().plusDays(1).toString();
        HttpResponse<String> invalid = person.post("/register", Map.of("email", "someone@example.org", "password", "a long enough secret",
                "givenNames", "N".repeat(201), "familyName", "El-Amin", "dateOfBirth", tomorrow));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("Your given names are too long: at most 200 characters.")
                .contains("Your date of birth cannot be in the future.").doesNotContain("Enter your given names.")
                .doesNotContain("Enter your date of birth.");

        person.get("/register?lang=fr");
        HttpResponse<String> french = person.post("/register", Map.of("email", "someone@example.org", "password", "a long enough secret",
                "givenNames", "Noor", "familyName", "E".repeat(201), "dateOfBirth", "1994-02-30"));
        assertThat(french.body()).contains("Votre nom de famille est trop long : 200 caractères au plus.")
                .contains("Votre date de naissance n’est pas une date");
    }

    @Test
    void registeringAnAddressThatHasAnAccountRevealsNothingAndWarnsItsOwner() throws Exception {
        int before = emailsTo("amira.haddad@applicant.example");
        BrowserlessSession stranger = new BrowserlessSession(web.port());
        stranger.get("/register");

        HttpResponse<String> answer = stranger.post("/register",
                Map.of("email", "Amira.Haddad@applicant.example", "password", "another long secret",
                        "givenNames", "A", "familyName", "H", "dateOfBirth", "1990-01-01"));

        assertThat(answer.body()).contains("We sent a confirmation link");
        assertThat(emailsTo("amira.haddad@applicant.example")).isEqualTo(before + 1);
        assertThat(new BrowserlessSession(web.port()).signIn("amira.haddad@applicant.example", DemoData.PASSWORD).statusCode())
                .isEqualTo(302);
    }

    @Test
    void aForgottenPasswordIsResetWithAOneHourLinkAndEverySessionEnds() throws Exception {
        BrowserlessSession signedIn = new BrowserlessSession(web.port());
        signedIn.signIn("wei.chen@applicant.example", DemoData.PASSWORD);
        assertThat(signedIn.get("/applicant/catalogue").statusCode()).isEqualTo(200);

        BrowserlessSession person = new BrowserlessSession(web.port());
        person.get("/password/forgot");
        assertThat(person.post("/password/forgot", Map.of("email", "wei.chen@applicant.example")).body())
                .contains("If this address has an account");
        person.get("/password/forgot");
        assertThat(person.post("/password/forgot", Map.of("email", "nobody@nowhere.example")).body())
                .contains("If this address has an account");

        String link = lastLink("wei.chen@applicant.example");
        assertThat(person.get(link).body()).contains("Choose a new password");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(person.post("/password/reset", Map.of("token", token, "password", "short")).statusCode()).isEqualTo(422);
        person.get(link);
        assertThat(person.post("/password/reset", Map.of("token", token, "password", "a brand new passphrase")).body())
                .contains("Your password is changed");

        assertThat(signedIn.get("/applicant/catalogue").statusCode()).as("the old session ended").isEqualTo(302);
        assertThat(new BrowserlessSession(web.port()).signIn("wei.chen@applicant.example", DemoData.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(new BrowserlessSession(web.port()).signIn("wei.chen@applicant.example", "a brand new passphrase").statusCode())
                .isEqualTo(302);
        assertThat(List.of(auditCount("account.password-reset"))).containsExactly(1);
    }

    private static int auditCount(String action) {
        return web.services().database().jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = :a").bind("a", action)
                        .mapTo(Integer.class).one());
    }

    @Test
    void afterProgramSelectionTheRegistrationPageSaysItIsClosedWithThePhasesAndTheirDates() throws Exception {
        clock.set(java.time.LocalDateTime.of(2025, 1, 20, 12, 0));
        try {
            BrowserlessSession visitor = new BrowserlessSession(web.port());
            var page = visitor.get("/register");
            assertThat(page.statusCode()).isEqualTo(409);
            assertThat(page.body()).contains("This is open only during registration, from").contains("2024").contains("rank order lists")
                    .doesNotContain("name=\"password\"");
        } finally {
            clock.set(java.time.LocalDateTime.of(2024, 10, 15, 12, 0));
        }
    }
}
