package org.residencymatch.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.residencymatch.ConflictException;
import org.residencymatch.Services;
import org.residencymatch.application.Application;
import org.residencymatch.applicant.FactVerificationService.FactDecision;
import org.residencymatch.demo.DemoData;
import org.residencymatch.demo.TestDemo;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.eligibility.FactStatus;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.eligibility.ReasonCodes;
import org.residencymatch.eligibility.Verifier;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * Verifying and refusing facts on the demo (issue #18): the decision, its audit row, the applicant's
 * notification and the re-check of their applications happen together; a refusal flags the
 * applications that rested on the fact (never removes them) and so keeps them out of the match;
 * verification opens the streams.
 */
@DatabaseTest
class FactVerificationServiceTest {

    static final String CYCLE = DemoData.CYCLE;
    static final LocalDateTime SELECTION = LocalDateTime.of(2024, 10, 15, 12, 0);
    /** An Ontario IMG stream and a CMG stream at Memorial (see JourneyTest). */
    static final String ON_IMG = "27039", CMG_STREAM = "27447";
    static final LocalizedText ILLEGIBLE = new LocalizedText("The scan is illegible.", "Le document numérisé est illisible.");

    private Services services;

    @BeforeEach
    void setUp() {
        services = TestDemo.start(new MutableClock(SELECTION));
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    private long rows(String sql, String applicantId) {
        return services.database().jdbi().withHandle(h -> h.createQuery(sql).bind(0, applicantId).mapTo(Long.class).one());
    }

    @Test
    void aRefusedCitizenshipFlagsTheApplicationItRestedOnKeepsItAndTellsTheApplicantAndAcceptingItAgainClearsTheFlag() {
        // Amira (all verified) has her citizenship sent back to awaiting: the stream stays selectable, subject to verification.
        var amira = services.profiles().profile(CYCLE, "A-2001").orElseThrow();
        services.database().jdbi().useTransaction(h -> services.applicants().reopen(h, CYCLE, "A-2001", ProfileFact.CITIZENSHIP));
        var provisional = services.catalogue().explain(CYCLE, "A-2001", ON_IMG, 1).decision();
        assertThat(provisional.isProvisional()).isTrue();
        assertThat(provisional.reasonCodes()).containsExactly(ReasonCodes.CITIZENSHIP_NOT_VERIFIED);
        services.applications().apply(CYCLE, 1, "A-2001", ON_IMG, "applicant:A-2001");
        long notified = rows("SELECT COUNT(*) FROM outbox_message WHERE applicant_id = ?", "A-2001");

        FactStatus refused = services.factVerification().decide(CYCLE, "A-2001", ProfileFact.CITIZENSHIP,
                FactDecision.refused(Verifier.OPERATOR, "the match operator", ILLEGIBLE), "operator@demo.example");

        assertThat(refused.state()).isEqualTo(FactStatus.State.REFUSED);
        assertThat(services.catalogue().explain(CYCLE, "A-2001", ON_IMG, 1).decision().decision()).isEqualTo(Decision.NOT_ELIGIBLE);
        assertThat(services.applications().applicationsOf(CYCLE, 1, "A-2001")).as("flagged, never removed")
                .singleElement().extracting(Application::flagCode).asString().contains(ReasonCodes.CITIZENSHIP_NOT_VERIFIED);
        assertThat(services.applications().flagged(CYCLE)).extracting(Application::applicantId).contains("A-2001");
        assertThat(rows("SELECT COUNT(*) FROM outbox_message WHERE applicant_id = ? AND kind = 'FACT_REFUSED'", "A-2001")).isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM outbox_message WHERE applicant_id = ?", "A-2001")).isEqualTo(notified + 1);
        // And an email, in her language, that says which fact, why, and where to send another document.
        java.util.List<org.residencymatch.notification.Outbox.Message> sent = new java.util.ArrayList<>();
        services.outbox().deliverPending(sent::add, 10_000);
        assertThat(sent).filteredOn(m -> "email.factRefused".equals(m.subjectKey())).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo("amira.haddad@applicant.example");
            assertThat(org.residencymatch.notification.EmailTexts.render(m, "https://match.example.ca").body())
                    .contains("Citizenship or permanent residence").contains("The scan is illegible.")
                    .contains("https://match.example.ca/applicant/profile");
        });
        assertThat(rows("SELECT COUNT(*) FROM audit_log WHERE action = 'applicant.fact.refused' AND target = ?", "applicant:A-2001"))
                .isEqualTo(1);
        assertThat(services.profiles().profile(CYCLE, "A-2001").orElseThrow().checks().status(ProfileFact.CITIZENSHIP).refusal())
                .isEqualTo(ILLEGIBLE);

        services.factVerification().decide(CYCLE, "A-2001", ProfileFact.CITIZENSHIP,
                FactDecision.accepted(Verifier.OPERATOR, "the match operator"), "operator@demo.example");

        assertThat(services.applications().applicationsOf(CYCLE, 1, "A-2001")).singleElement().extracting(Application::flagCode).isNull();
        assertThat(services.catalogue().explain(CYCLE, "A-2001", ON_IMG, 1).decision().isProvisional()).isFalse();
        assertThat(amira.citizenship()).isEqualTo(services.profiles().profile(CYCLE, "A-2001").orElseThrow().citizenship());
    }

    @Test
    void aFacultyConfirmingACmgsCategoryOpensHerCmgStreams() {
        // Chloé registered as a CMG; nothing is verified, so her CMG streams are pending and she cannot select one.
        assertThat(services.catalogue().explain(CYCLE, "A-1008", CMG_STREAM, 1).decision().reasonCodes())
                .containsExactly(ReasonCodes.CATEGORY_NOT_VERIFIED);
        assertThatThrownBy(() -> services.applications().apply(CYCLE, 1, "A-1008", CMG_STREAM, "applicant:A-1008"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("NOT_SELECTABLE"));

        services.factVerification().decide(CYCLE, "A-1008", ProfileFact.CATEGORY,
                FactDecision.accepted(Verifier.FACULTY, "Memorial University of Newfoundland"), "staff@mun.example");

        var decision = services.catalogue().explain(CYCLE, "A-1008", CMG_STREAM, 1).decision();
        assertThat(decision.decision()).isEqualTo(Decision.SELECTABLE);
        services.applications().apply(CYCLE, 1, "A-1008", CMG_STREAM, "applicant:A-1008");
        assertThat(services.profiles().profile(CYCLE, "A-1008").orElseThrow().checks().status(ProfileFact.CATEGORY))
                .satisfies(s -> assertThat(s.decidedBy()).isEqualTo("Memorial University of Newfoundland"))
                .satisfies(s -> assertThat(s.decidedOn()).isEqualTo(SELECTION.toLocalDate()));
    }

    @Test
    void aVerifierTheCycleDoesNotNameIsRefusedAndNothingIsWritten() {
        long audited = rows("SELECT COUNT(*) FROM audit_log WHERE target = ?", "applicant:A-2025");

        assertThatThrownBy(() -> services.factVerification().decide(CYCLE, "A-2025", ProfileFact.CITIZENSHIP,
                FactDecision.accepted(Verifier.MCC, "the Medical Council of Canada"), "someone"))
                .isInstanceOf(FactVerificationService.NotAVerifierException.class).hasMessageContaining("[OPERATOR, PARTNER_LIST]");
        assertThatThrownBy(() -> FactDecision.refused(Verifier.OPERATOR, "the match operator", null))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(services.profiles().profile(CYCLE, "A-2025").orElseThrow().checks().recorded()).isEmpty();
        assertThat(rows("SELECT COUNT(*) FROM audit_log WHERE target = ?", "applicant:A-2025")).isEqualTo(audited);
    }
}
