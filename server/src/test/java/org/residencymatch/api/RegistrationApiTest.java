package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.api.DemoApiServer.CYCLE;
import static org.residencymatch.api.DemoApiServer.failure;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.residencymatch.account.LoginThrottle;
import org.residencymatch.api.client.ApiException;
import org.residencymatch.api.client.api.ApplicantsApi;
import org.residencymatch.api.client.api.RegistrationApi;
import org.residencymatch.api.client.model.ApiError;
import org.residencymatch.api.client.model.ApplicantCategory;
import org.residencymatch.api.client.model.ApplicantProfile;
import org.residencymatch.api.client.model.Citizenship;
import org.residencymatch.api.client.model.ConfirmationRequest;
import org.residencymatch.api.client.model.DeclaredProfileRequest;
import org.residencymatch.api.client.model.FieldProblem;
import org.residencymatch.api.client.model.RegistrationOutcome;
import org.residencymatch.api.client.model.RegistrationRequest;
import org.residencymatch.api.client.model.SignInRequest;
import org.residencymatch.api.client.model.StudyStatus;
import org.residencymatch.eligibility.FactStatus;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * Self-registration through the API, as an applicant's own client does it: register, read the
 * confirmation link in the email, confirm, sign in for a session (cookie and CSRF token), declare the
 * profile, sign out; and the refusals: every field problem at once in English and French, a duplicate
 * address answered exactly like a new one, used and expired tokens, unconfirmed and throttled
 * sign-ins, a sign-in that is not JSON, a change without the CSRF token, a profile outside its phase.
 */
@DatabaseTest
class RegistrationApiTest {

    /** During program selection of the demo cycle's first iteration: profiles are editable. */
    static final LocalDateTime SELECTION = LocalDateTime.of(2024, 10, 15, 12, 0);
    static final String PASSWORD = "correct horse battery";

    static MutableClock clock;
    static DemoApiServer demo;
    RegistrationApi anonymous;

    @BeforeAll
    static void start() {
        clock = new MutableClock(SELECTION);
        demo = DemoApiServer.start(clock);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @BeforeEach
    void reset() {
        clock.set(SELECTION);
        anonymous = new RegistrationApi(demo.anonymous());
    }

    static RegistrationRequest form(String email) {
        return new RegistrationRequest().email(email).password(PASSWORD).givenNames("Ada").familyName("Lovelace")
                .dateOfBirth(LocalDate.of(1995, 12, 10)).language(RegistrationRequest.LanguageEnum.FR);
    }

    int rows(String sql, Object... args) {
        return demo.services().database().jdbi().withHandle(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) query.bind(i, args[i]);
            return query.mapTo(Integer.class).one();
        });
    }

    @Test
    void anApplicantRegistersConfirmsSignsInDeclaresTheirProfileAndSignsOut() throws ApiException {
        String email = "ada@register.example";
        RegistrationOutcome sent = anonymous.registerApplicant(form(email));
        assertThat(sent.getMessage().getEn()).contains("confirmation link");
        assertThat(sent.getMessage().getFr()).isNotBlank().isNotEqualTo(sent.getMessage().getEn());

        ApiError unconfirmed = failure(403, () -> anonymous.signIn(new SignInRequest().email(email).password(PASSWORD)));
        assertThat(unconfirmed.getCode()).isEqualTo("UNCONFIRMED");

        String token = demo.confirmationToken(email).orElseThrow();
        assertThat(anonymous.confirmRegistration(new ConfirmationRequest().token(token)).getMessage().getEn()).contains("confirmed");
        ApiError used = failure(400, () -> anonymous.confirmRegistration(new ConfirmationRequest().token(token)));
        assertThat(used.getCode()).isEqualTo("INVALID_TOKEN");
        assertThat(used.getField()).isEqualTo("token");
        assertThat(used.getProblems()).extracting(FieldProblem::getField).containsExactly("token");

        var signedIn = demo.signIn(" ADA@register.example ", PASSWORD);
        assertThat(signedIn.session().getRole().getValue()).isEqualTo("APPLICANT");
        String applicantId = signedIn.session().getApplicantId();
        assertThat(applicantId).startsWith("A-");
        assertThat(signedIn.session().getIdleTimeoutMinutes()).isEqualTo(30L);
        ApplicantsApi own = new ApplicantsApi(signedIn.client());

        DeclaredProfileRequest profile = new DeclaredProfileRequest().category(ApplicantCategory.IMG)
                .studyStatus(StudyStatus.GRADUATE).graduationDate(LocalDate.of(2021, 6, 1));
        // The session cookie alone does not change anything: a forged request from another site would have only that.
        ApplicantsApi withoutCsrf = new ApplicantsApi(signedIn.client().setRequestInterceptor(request -> {
        }));
        assertThat(failure(403, () -> withoutCsrf.declareProfile(CYCLE, applicantId, profile)).getCode()).isEqualTo("CSRF");
        signedIn.client().setRequestInterceptor(request -> request.header("X-CSRF-Token", signedIn.session().getCsrfToken()));

        ApplicantProfile saved = own.declareProfile(CYCLE, applicantId, profile);
        assertThat(saved.getCategory()).isEqualTo(ApplicantCategory.IMG);
        assertThat(saved.getFamilyName()).isEqualTo("Lovelace");
        // Citizenship is declared by the applicant and verified later from a document by the operator (issue #18).
        assertThat(own.declareProfile(CYCLE, applicantId, profile.citizenship(Citizenship.CITIZEN)).getCitizenship())
                .isEqualTo(Citizenship.CITIZEN);
        assertThat(demo.services().profiles().profile(CYCLE, applicantId).orElseThrow().checks().status(ProfileFact.CITIZENSHIP).state())
                .isEqualTo(FactStatus.State.AWAITING_VERIFICATION);
        profile.citizenship(null);
        ApplicantProfile read = own.getApplicant(CYCLE, applicantId);
        assertThat(read.getGraduationDate()).isEqualTo(LocalDate.of(2021, 6, 1));
        assertThat(read.getEmail()).isEqualTo(email);
        assertThat(rows("SELECT COUNT(*) FROM audit_log WHERE target = ? AND action = 'applicant.corrected'", "applicant:" + applicantId))
                .isEqualTo(2);
        // Another applicant's file is not theirs to write, nor to know of.
        assertThat(DemoApiServer.notFound(() -> own.declareProfile(CYCLE, "W-999", profile)).getCode()).isEqualTo("NOT_FOUND");

        new RegistrationApi(signedIn.client()).signOut();
        assertThat(failure(401, () -> own.getApplicant(CYCLE, applicantId)).getCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void everyProblemOfTheFormIsAnsweredAtOnceInBothLanguagesAndNothingIsCreated() {
        int accounts = rows("SELECT COUNT(*) FROM user_account"),
                emails = rows("SELECT COUNT(*) FROM outbox_message WHERE channel = 'EMAIL'");
        ApiError refused = failure(400, () -> anonymous.registerApplicant(form("not an address").password("short").familyName(" ")));
        assertThat(refused.getCode()).isEqualTo("INVALID_FIELD");
        assertThat(refused.getField()).isEqualTo("email");
        assertThat(refused.getProblems()).extracting(FieldProblem::getField).containsExactly("email", "password", "familyName");
        FieldProblem password = refused.getProblems().get(1);
        assertThat(password.getMessage().getEn()).isEqualTo("Choose a password of at least 12 characters.");
        assertThat(password.getMessage().getFr()).isNotBlank().isNotEqualTo(password.getMessage().getEn());
        assertThat(rows("SELECT COUNT(*) FROM user_account")).isEqualTo(accounts);
        assertThat(rows("SELECT COUNT(*) FROM outbox_message WHERE channel = 'EMAIL'")).isEqualTo(emails);
    }

    @Test
    void aDuplicateAddressIsAnsweredLikeANewOneAndItsOwnerIsEmailed() throws ApiException {
        String email = "grace@register.example";
        RegistrationOutcome first = anonymous.registerApplicant(form(email));
        int accounts = rows("SELECT COUNT(*) FROM user_account");
        RegistrationOutcome second = anonymous
                .registerApplicant(form(email.toUpperCase()).password("another long password").givenNames("Mallory"));
        assertThat(second).isEqualTo(first);
        assertThat(rows("SELECT COUNT(*) FROM user_account")).isEqualTo(accounts);
        assertThat(rows(
                "SELECT COUNT(*) FROM outbox_message WHERE channel = 'EMAIL' AND recipient = ? AND subject_key = 'email.alreadyRegistered'",
                email)).isEqualTo(1);
        anonymous.confirmRegistration(new ConfirmationRequest().token(demo.confirmationToken(email).orElseThrow()));
        assertThat(failure(401, () -> anonymous.signIn(new SignInRequest().email(email).password("another long password"))).getCode())
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aConfirmationTokenExpiresAfter48Hours() throws ApiException {
        String email = "late@register.example";
        anonymous.registerApplicant(form(email));
        String token = demo.confirmationToken(email).orElseThrow();
        clock.set(SELECTION.plusHours(48).plusMinutes(1));
        assertThat(failure(400, () -> anonymous.confirmRegistration(new ConfirmationRequest().token(token))).getCode())
                .isEqualTo("INVALID_TOKEN");
        assertThat(failure(400, () -> anonymous.confirmRegistration(new ConfirmationRequest().token("made-up"))).getCode())
                .isEqualTo("INVALID_TOKEN");
    }

    @Test
    void signInIsThrottledLikeThePageAndTakesOnlyJson() throws ApiException {
        String email = "guessed@register.example";
        anonymous.registerApplicant(form(email));
        anonymous.confirmRegistration(new ConfirmationRequest().token(demo.confirmationToken(email).orElseThrow()));
        for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS; i++) {
            assertThat(failure(401, () -> anonymous.signIn(new SignInRequest().email(email).password("a wrong password"))).getCode())
                    .isEqualTo("UNAUTHENTICATED");
        }
        assertThat(failure(429, () -> anonymous.signIn(new SignInRequest().email(email).password(PASSWORD))).getCode())
                .isEqualTo("THROTTLED");
        clock.set(SELECTION.plus(LoginThrottle.WINDOW).plusMinutes(1));
        assertThat(demo.signIn(email, PASSWORD).session().getCsrfToken()).isNotBlank();

        RegistrationApi form = new RegistrationApi(demo.anonymousSending("application/x-www-form-urlencoded",
                "email=" + email + "&password=" + PASSWORD.replace(' ', '+')));
        assertThat(failure(415, () -> form.signIn(new SignInRequest().email(email).password(PASSWORD))).getCode())
                .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void registeringAfterProgramSelectionClosedIsRefusedWithThePhaseAndItsDatesAndCreatesNothing() {
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
        int applicants = rows("SELECT COUNT(*) FROM applicant");

        ApiError refused = failure(409, () -> anonymous.registerApplicant(form("january@register.example")));

        assertThat(refused.getCode()).isEqualTo("OUTSIDE_PHASE");
        assertThat(refused.getMessage()).as("the phases and their dates").containsIgnoringCase("registration").contains("2024")
                .contains("rank order lists");
        assertThat(rows("SELECT COUNT(*) FROM applicant")).isEqualTo(applicants);
        assertThat(rows("SELECT COUNT(*) FROM user_account WHERE email = ?", "january@register.example")).isZero();
    }

    @Test
    void theProfileIsDeclaredOnlyWhileThePhaseAllows() throws ApiException {
        String email = "after@register.example";
        anonymous.registerApplicant(form(email));
        anonymous.confirmRegistration(new ConfirmationRequest().token(demo.confirmationToken(email).orElseThrow()));
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
        var signedIn = demo.signIn(email, PASSWORD);
        String applicantId = signedIn.session().getApplicantId();
        DeclaredProfileRequest profile = new DeclaredProfileRequest().category(ApplicantCategory.CMG)
                .studyStatus(StudyStatus.FINAL_YEAR_STUDENT);
        assertThat(failure(409, () -> new ApplicantsApi(signedIn.client()).declareProfile(CYCLE, applicantId, profile)).getCode())
                .isEqualTo("OUTSIDE_PHASE");
        assertThat(rows("SELECT COUNT(*) FROM applicant_profile WHERE applicant_id = ?", applicantId)).isZero();
    }
}
