package org.residencymatch.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.ConflictException;
import org.residencymatch.NotFoundException;
import org.residencymatch.Services;
import org.residencymatch.catalogue.CatalogueEntry;
import org.residencymatch.demo.DemoData;
import org.residencymatch.demo.TestDemo;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** Help cases keep the decision as the applicant saw it, take the operator's answers, and refuse what makes no sense. */
@DatabaseTest
class HelpServiceTest {

    /** Fatima Benali: CMQ Régulier approval, missing from BCI's QIMG list. Laval anesthesiology is closed to her. */
    static final String FATIMA = "A-2005", LAVAL_ANESTHESIOLOGY = "27032";
    static final String AMIRA = "A-2001", MCMASTER_IMG = "27039";

    static MutableClock clock;
    static Services services;

    @BeforeAll
    static void start() {
        clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
        services = TestDemo.start(clock);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    static int audited(String action, long caseId) {
        return services.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = :a AND target = :t")
                .bind("a", action).bind("t", "help-case:" + caseId).mapTo(Integer.class).one());
    }

    @Test
    void aCaseKeepsTheDecisionItsReasonsTextsAndProvenanceAsTheApplicantSawThem() {
        CatalogueEntry seen = services.catalogue().explain(DemoData.CYCLE, FATIMA, LAVAL_ANESTHESIOLOGY, 1);
        assertThat(seen.decision().isSelectable()).isFalse();

        HelpCase opened = services.help().open(DemoData.CYCLE, FATIMA, 1, LAVAL_ANESTHESIOLOGY,
                "  I was approved for the Régulier contingent but cannot see Québec programs.  ", "user:5");

        assertThat(opened.applicantId()).isEqualTo(FATIMA);
        assertThat(opened.streamId()).isEqualTo(LAVAL_ANESTHESIOLOGY);
        assertThat(opened.streamLabel()).contains("Anesthesiology").contains("Laval");
        assertThat(opened.status()).isEqualTo(HelpCaseStatus.OPEN);
        assertThat(opened.message()).isEqualTo("I was approved for the Régulier contingent but cannot see Québec programs.");
        assertThat(opened.openedAt()).isEqualTo(LocalDateTime.of(2024, 10, 15, 12, 0));
        assertThat(opened.decision()).isEqualTo(seen.decision().decision());
        assertThat(opened.reasons())
                .as("codes, outcomes, texts in both languages, next steps, contacts, rule, rules file, list kind and version")
                .isEqualTo(seen.decision().reasons());
        assertThat(opened.reasons()).anySatisfy(r -> assertThat(r.provenance().listKind()).isNotNull());
        assertThat(audited("help-case.opened", opened.id())).isEqualTo(1);

        assertThatThrownBy(() -> services.help().open(DemoData.CYCLE, FATIMA, 1, LAVAL_ANESTHESIOLOGY, null, "user:5"))
                .isInstanceOf(ConflictException.class).extracting(e -> ((ConflictException) e).code()).isEqualTo("HELP_CASE_ALREADY_OPEN");
    }

    @Test
    void theOperatorAnswersThenClosesAndAClosedCaseTakesNoMoreAnswers() {
        HelpCase opened = services.help().open(DemoData.CYCLE, "A-2011", 1, LAVAL_ANESTHESIOLOGY, "   ", "user:7");
        assertThat(opened.message()).as("a blank message is no message").isNull();

        clock.set(LocalDateTime.of(2024, 10, 16, 9, 30));
        HelpCase answered = services.help().answer(DemoData.CYCLE, opened.id(), "user:1", "  Pass MCCQE Part I first.  ");
        assertThat(answered.status()).isEqualTo(HelpCaseStatus.ANSWERED);
        assertThat(answered.answers()).singleElement()
                .isEqualTo(new HelpCase.Answer("user:1", LocalDateTime.of(2024, 10, 16, 9, 30), "Pass MCCQE Part I first."));

        HelpCase closed = services.help().close(DemoData.CYCLE, opened.id(), "user:1");
        assertThat(closed.status()).isEqualTo(HelpCaseStatus.CLOSED);
        assertThat(closed.closedBy()).isEqualTo("user:1");
        assertThat(closed.closedAt()).isEqualTo(LocalDateTime.of(2024, 10, 16, 9, 30));
        assertThat(audited("help-case.answered", opened.id())).isEqualTo(1);
        assertThat(audited("help-case.closed", opened.id())).isEqualTo(1);

        assertThatThrownBy(() -> services.help().answer(DemoData.CYCLE, opened.id(), "user:1", "More"))
                .isInstanceOf(ConflictException.class).extracting(e -> ((ConflictException) e).code()).isEqualTo("HELP_CASE_CLOSED");
        assertThatThrownBy(() -> services.help().close(DemoData.CYCLE, opened.id(), "user:1")).isInstanceOf(ConflictException.class);
        assertThat(services.help().find(DemoData.CYCLE, opened.id()).orElseThrow().answers()).as("nothing changed").hasSize(1);
        assertThat(audited("help-case.answered", opened.id())).isEqualTo(1);

        // Once closed, the applicant may ask again about the same stream.
        assertThat(services.help().open(DemoData.CYCLE, "A-2011", 1, LAVAL_ANESTHESIOLOGY, null, "user:7").id()).isNotEqualTo(opened.id());
    }

    @Test
    void badRequestsAreRefusedAndStoreNothing() {
        int before = services.help().cases(DemoData.CYCLE, null).size();
        assertThat(services.catalogue().explain(DemoData.CYCLE, AMIRA, MCMASTER_IMG, 1).decision().decision())
                .isEqualTo(Decision.SELECTABLE);
        assertThatThrownBy(() -> services.help().open(DemoData.CYCLE, AMIRA, 1, MCMASTER_IMG, "why?", "user:3"))
                .isInstanceOf(ConflictException.class).extracting(e -> ((ConflictException) e).code()).isEqualTo("STREAM_SELECTABLE");
        assertThatThrownBy(() -> services.help().open(DemoData.CYCLE, AMIRA, 1, "no-such-stream", null, "user:3"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> services.help().open(DemoData.CYCLE, AMIRA, 1, LAVAL_ANESTHESIOLOGY, "x".repeat(2001), "user:3"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> services.help().answer(DemoData.CYCLE, 999_999, "user:1", "hello")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> services.help().answer(DemoData.CYCLE, 999_999, "user:1", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(services.help().cases(DemoData.CYCLE, null)).hasSize(before);
    }

    @Test
    void eachApplicantFollowsOnlyTheirOwnCases() {
        HelpCase mine = services.help().open(DemoData.CYCLE, "A-2007", 1, LAVAL_ANESTHESIOLOGY, null, "user:8");
        assertThat(services.help().casesOf(DemoData.CYCLE, "A-2007")).extracting(HelpCase::id).contains(mine.id())
                .allSatisfy(id -> assertThat(services.help().find(DemoData.CYCLE, id).orElseThrow().applicantId()).isEqualTo("A-2007"));
        assertThat(services.help().casesOf(DemoData.CYCLE, "A-2008")).extracting(HelpCase::id).doesNotContain(mine.id());
        assertThat(services.help().cases(DemoData.CYCLE, HelpCaseStatus.OPEN)).extracting(HelpCase::id).contains(mine.id());
        assertThat(services.help().cases(DemoData.CYCLE, HelpCaseStatus.CLOSED)).extracting(HelpCase::id).doesNotContain(mine.id());
        assertThat(mine.reasons()).isNotEmpty();
    }
}
