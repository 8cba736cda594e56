package org.residencymatch.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.residencymatch.ConflictException;
import org.residencymatch.Services;
import org.residencymatch.demo.DemoData;
import org.residencymatch.demo.TestDemo;
import org.residencymatch.eligibility.ApplicantCategory;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.Citizenship;
import org.residencymatch.eligibility.StudyStatus;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

@DatabaseTest
class ClinicalAssessmentServiceTest {

    private MutableClock clock;
    private Services services;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
        services = TestDemo.start(clock);
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    @Test
    void bcCapIsForFinalYearInternationalStudentsAndImgsWhoAreCitizensOrPermanentResidents() {
        ApplicantFacts img = ApplicantFacts.builder("x", ApplicantCategory.IMG).citizenship(Citizenship.PERMANENT_RESIDENT).build();
        assertThat(BcCapRegistrationPolicy.decide(img).allowed()).isTrue();
        assertThat(BcCapRegistrationPolicy.decide(img.toBuilder().status(StudyStatus.FINAL_YEAR_STUDENT).build()).allowed()).isTrue();
        assertThat(BcCapRegistrationPolicy.decide(img.toBuilder().citizenship(Citizenship.OTHER).build()).reasons())
                .containsExactly("CITIZENSHIP");
        assertThat(BcCapRegistrationPolicy.decide(ApplicantFacts.builder("y", ApplicantCategory.CMG).citizenship(Citizenship.OTHER).build())
                .reasons())
                .containsExactly("NOT_INTERNATIONAL", "CITIZENSHIP");
    }

    @Test
    void bcCapRegistrationOpensInOctoberAndRefusesWithReasons() {
        assertThat(services.clinicalAssessment().registerForBcCap(DemoData.CYCLE, 2025, "A-2001").allowed()).isTrue();
        assertThat(services.clinicalAssessment().registerForBcCap(DemoData.CYCLE, 2025, "A-2007").reasons()).containsExactly("CITIZENSHIP");
        assertThat(services.clinicalAssessment().bcCapRegistrations(DemoData.CYCLE)).extracting(row -> row.get(0))
                .containsExactly("A-2001");

        clock.set(LocalDateTime.of(2024, 11, 2, 9, 0));
        assertThatThrownBy(() -> services.clinicalAssessment().registerForBcCap(DemoData.CYCLE, 2025, "A-2016"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.getMessage()).contains("2024-10-01").contains("2024-10-31"));
    }

    @Test
    void theAimgPoolIsUnmatchedAimgApplicantsByMmiScoreAfterReleaseAndInviteesAnswerByTheDeadline() {
        assertThat(services.clinicalAssessment().pool(DemoData.CYCLE)).as("nothing before release").isEmpty();
        clock.set(LocalDateTime.of(2025, 2, 20, 12, 0));
        var run = services.matchRuns().run(DemoData.CYCLE, 1, 1L, "operator");
        clock.set(LocalDateTime.of(2025, 3, 5, 12, 0));
        services.matchRuns().release(DemoData.CYCLE, run.id(), "operator");

        var pool = services.clinicalAssessment().pool(DemoData.CYCLE);

        assertThat(pool).extracting(ClinicalAssessmentService.PoolEntry::applicantId)
                .containsExactlyInAnyOrder("A-2002", "A-2009", "A-2015", "A-2020", "A-2022");
        assertThat(pool).extracting(ClinicalAssessmentService.PoolEntry::mmiScore).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        LocalDateTime respondBy = LocalDateTime.of(2025, 3, 20, 17, 0);
        assertThatThrownBy(
                () -> services.clinicalAssessment().invite(DemoData.CYCLE, List.of("A-2002", "A-2009", "A-2015"), respondBy, 2, "operator"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("LIMIT_REACHED"));
        assertThatThrownBy(() -> services.clinicalAssessment().invite(DemoData.CYCLE, List.of("A-2001"), respondBy, 2, "operator"))
                .hasMessageContaining("not in the AIMG CAP pool");
        services.clinicalAssessment().invite(DemoData.CYCLE, List.of(pool.get(0).applicantId(), pool.get(1).applicantId()), respondBy, 2,
                "operator");
        // Each invitee is emailed the invitation: where to answer, and by when in the cycle's zone.
        List<org.residencymatch.notification.Outbox.Message> sent = new java.util.ArrayList<>();
        services.outbox().deliverPending(sent::add, 10_000);
        List<org.residencymatch.notification.EmailTexts.Rendered> invitations = sent.stream()
                .filter(m -> "email.capInvited".equals(m.subjectKey()))
                .map(m -> org.residencymatch.notification.EmailTexts.render(m, "https://match.example.ca")).toList();
        assertThat(invitations).hasSize(2).allSatisfy(email -> assertThat(email.body())
                .contains(respondBy.atZone(java.time.ZoneOffset.UTC).withZoneSameInstant(java.time.ZoneId.of("America/Toronto"))
                        .format(java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.CANADA)))
                .contains("https://match.example.ca/applicant/follow-ups"));

        assertThat(services.clinicalAssessment().respond(DemoData.CYCLE, pool.get(0).applicantId(), true).status()).isEqualTo("ACCEPTED");
        clock.set(respondBy.plusMinutes(1));
        assertThatThrownBy(() -> services.clinicalAssessment().respond(DemoData.CYCLE, pool.get(1).applicantId(), true))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("DEADLINE_PASSED"));
        assertThat(services.clinicalAssessment().pool(DemoData.CYCLE)).extracting(ClinicalAssessmentService.PoolEntry::status)
                .contains("ACCEPTED", "INVITED");
    }
}
