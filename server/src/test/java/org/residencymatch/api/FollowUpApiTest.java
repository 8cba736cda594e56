package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.api.DemoApiServer.CYCLE;
import static org.residencymatch.api.DemoApiServer.failure;
import static org.residencymatch.api.DemoApiServer.invalidField;
import static org.residencymatch.api.DemoApiServer.notFound;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.api.client.ApiException;
import org.residencymatch.api.client.api.FollowUpsApi;
import org.residencymatch.api.client.api.MatchRunsApi;
import org.residencymatch.api.client.model.BcCapRefusal;
import org.residencymatch.api.client.model.BcCapStatus;
import org.residencymatch.api.client.model.CapAnswer;
import org.residencymatch.api.client.model.CapInvitation;
import org.residencymatch.api.client.model.CapInvitationRequest;
import org.residencymatch.api.client.model.CapPool;
import org.residencymatch.api.client.model.CapPoolEntry;
import org.residencymatch.api.client.model.MatchRun;
import org.residencymatch.api.client.model.ReleaseConfirmation;
import org.residencymatch.api.client.model.MatchRunRequest;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * The follow-ups of the match through the API: BC-CAP registration in its October window with
 * every refusal explained, its export for UBC; the AIMG clinical assessment pool after release, the
 * operator's invitations within the limit and the invitee's answer; and who may do which.
 */
@DatabaseTest
class FollowUpApiTest {

    static final LocalDateTime OCTOBER = LocalDateTime.of(2024, 10, 15, 12, 0);
    static final LocalDateTime MATCH = LocalDateTime.of(2025, 2, 20, 12, 0);
    static final LocalDateTime RELEASE = LocalDateTime.of(2025, 3, 5, 12, 0);

    static MutableClock clock;
    static DemoApiServer demo;

    @BeforeAll
    static void start() {
        clock = new MutableClock(OCTOBER);
        demo = DemoApiServer.start(clock);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static FollowUpsApi as(String applicantId) throws ApiException {
        return new FollowUpsApi(demo.bearer(demo.tokenForApplicant(applicantId)));
    }

    private static FollowUpsApi partner(String email) {
        return new FollowUpsApi(demo.bearer(demo.tokenForAccount(email)));
    }

    private static String text(java.io.File file) throws IOException {
        return Files.readString(file.toPath(), StandardCharsets.UTF_8);
    }

    private static long auditRows(String action) {
        return demo.services().database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = :a")
                .bind("a", action).mapTo(Long.class).one());
    }

    @Test
    void bcCapRegistersEligibleImgsInOctoberAndTellsEveryoneElseWhyNot() throws Exception {
        clock.set(OCTOBER);
        FollowUpsApi amira = as("A-2001");
        BcCapStatus before = amira.getBcCapRegistration(CYCLE, "A-2001");
        assertThat(before.getOpen()).isTrue();
        assertThat(before.getEligible()).isTrue();
        assertThat(before.getRegistered()).isFalse();
        assertThat(before.getOpens()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThat(before.getCloses()).isEqualTo(LocalDate.of(2024, 10, 31));
        long audited = auditRows("bccap.registered");
        assertThat(amira.registerForBcCap(CYCLE, "A-2001").getRegistered()).isTrue();
        assertThat(amira.registerForBcCap(CYCLE, "A-2001").getRegistered()).as("registering again changes nothing").isTrue();
        assertThat(auditRows("bccap.registered")).isEqualTo(audited + 1);

        // Olga is no citizen or permanent resident; Émilie studied in Canada: told why, registered nowhere.
        var olga = failure(422, () -> as("A-2007").registerForBcCap(CYCLE, "A-2007"));
        assertThat(olga.getCode()).isEqualTo("NOT_ELIGIBLE");
        assertThat(olga.getMessage()).contains("CITIZENSHIP").contains("Canadian citizens and permanent residents");
        BcCapStatus emilie = as("A-1001").getBcCapRegistration(CYCLE, "A-1001");
        assertThat(emilie.getEligible()).isFalse();
        assertThat(emilie.getRefusals()).singleElement().satisfies(r -> {
            assertThat(r.getCode()).isEqualTo(BcCapRefusal.CodeEnum.NOT_INTERNATIONAL);
            assertThat(r.getMessage().getEn()).contains("international medical graduates");
            assertThat(r.getMessage().getFr()).isNotBlank().isNotEqualTo(r.getMessage().getEn());
        });
        assertThat(new FollowUpsApi(demo.operator()).getBcCapRegistration(CYCLE, "A-2007").getRegistered()).isFalse();

        // Applicants act only for themselves; the operator does not register anyone.
        notFound(() -> amira.registerForBcCap(CYCLE, "A-2016"));
        notFound(() -> amira.getBcCapRegistration(CYCLE, "A-2016"));
        assertThat(failure(403, () -> new FollowUpsApi(demo.operator()).registerForBcCap(CYCLE, "A-2016")).getCode())
                .isEqualTo("FORBIDDEN");

        // UBC-CAP and the operator get the export; other partner bodies and applicants do not.
        String export = text(partner("bc-cap@partner.example").exportBcCapRegistrations(CYCLE));
        assertThat(export).startsWith("\uFEFFApplicant ID,MINC,Family name,Given names,Date of birth,Registered").contains("A-2001,")
                .doesNotContain("A-2007");
        assertThat(text(new FollowUpsApi(demo.operator()).exportBcCapRegistrations(CYCLE))).isEqualTo(export);
        assertThat(failure(403, () -> partner("aimg@partner.example").exportBcCapRegistrations(CYCLE)).getCode()).isEqualTo("FORBIDDEN");
        assertThat(failure(403, () -> amira.exportBcCapRegistrations(CYCLE)).getCode()).isEqualTo("FORBIDDEN");
        notFound(() -> new FollowUpsApi(demo.operator()).exportBcCapRegistrations("1999-R1"));

        clock.set(MATCH);
        var closed = failure(409, () -> as("A-2016").registerForBcCap(CYCLE, "A-2016"));
        assertThat(closed.getCode()).isEqualTo("OUTSIDE_WINDOW");
        assertThat(closed.getMessage()).contains("2024-10-01").contains("2024-10-31");
        assertThat(as("A-2016").getBcCapRegistration(CYCLE, "A-2016").getOpen()).isFalse();
    }

    @Test
    void afterReleaseTheOperatorInvitesFromTheAimgPoolAndInviteesAnswerByTheDeadline() throws Exception {
        FollowUpsApi operator = new FollowUpsApi(demo.operator());
        clock.set(MATCH);
        MatchRun run = new MatchRunsApi(demo.operator()).runMatch(CYCLE, 1, new MatchRunRequest().seed(1L));
        assertThat(operator.getCapPool(CYCLE).getPool()).as("no pool before results are released").isEmpty();
        assertThat(failure(409, () -> operator.inviteToCap(CYCLE, new CapInvitationRequest().applicantIds(List.of("A-2002"))
                .respondBy("2025-03-01T17:00"))).getCode()).isEqualTo("NO_POOL");

        clock.set(RELEASE);
        new MatchRunsApi(demo.operator()).releaseMatchRun(CYCLE, 1, run.getId(),
                new ReleaseConfirmation().confirm(String.valueOf(run.getId())));
        CapPool pool = operator.getCapPool(CYCLE);
        // Nobody applied in this demo, so the whole AIMG list went unmatched: best MMI score first.
        assertThat(pool.getPool()).extracting(CapPoolEntry::getApplicantId).containsExactly("A-2022", "A-2020", "A-2015", "A-2009",
                "A-2002");
        assertThat(pool.getPool()).allSatisfy(e -> assertThat(e.getStatus()).isNull());
        assertThat(pool.getDefaultLimit()).isEqualTo(10);
        assertThat(partner("aimg@partner.example").getCapPool(CYCLE)).as("the AIMG Program sees the pool of its list").isEqualTo(pool);
        assertThat(failure(403, () -> partner("bci@partner.example").getCapPool(CYCLE)).getCode()).isEqualTo("FORBIDDEN");
        assertThat(failure(403, () -> as("A-2002").getCapPool(CYCLE)).getCode()).isEqualTo("FORBIDDEN");

        String respondBy = "2025-03-20T17:00";
        invalidField("respondBy", () -> operator.inviteToCap(CYCLE,
                new CapInvitationRequest().applicantIds(List.of("A-2022")).respondBy("2025-03-04T12:00")));
        invalidField("applicantIds",
                () -> operator.inviteToCap(CYCLE, new CapInvitationRequest().applicantIds(List.of("A-2001")).respondBy(respondBy)));
        invalidField("applicantIds",
                () -> operator.inviteToCap(CYCLE, new CapInvitationRequest().applicantIds(List.of()).respondBy(respondBy)));
        invalidField("respondBy", () -> new FollowUpsApi(demo.operatorSending("{\"applicantIds\": [\"A-2022\"], \"respondBy\": \"soon\"}"))
                .inviteToCap(CYCLE, new CapInvitationRequest().applicantIds(List.of("A-2022")).respondBy(respondBy)));
        var overLimit = failure(409,
                () -> operator.inviteToCap(CYCLE, new CapInvitationRequest().applicantIds(List.of("A-2022", "A-2020", "A-2015"))
                        .respondBy(respondBy).limit(2)));
        assertThat(overLimit.getCode()).isEqualTo("LIMIT_REACHED");
        assertThat(operator.getCapPool(CYCLE).getInvited()).as("a refused invitation invites nobody").isZero();
        assertThat(failure(403,
                () -> as("A-2002").inviteToCap(CYCLE, new CapInvitationRequest().applicantIds(List.of("A-2002")).respondBy(respondBy)))
                .getCode()).isEqualTo("FORBIDDEN");

        // The operator picks against the default order: the lowest score and the highest.
        CapPool invited = operator.inviteToCap(CYCLE,
                new CapInvitationRequest().applicantIds(List.of("A-2002", "A-2022")).respondBy(respondBy).limit(2));
        assertThat(invited.getInvited()).isEqualTo(2);
        assertThat(invited.getPool()).filteredOn(e -> e.getStatus() != null).extracting(CapPoolEntry::getApplicantId)
                .containsExactly("A-2022", "A-2002");
        assertThat(failure(409,
                () -> operator.inviteToCap(CYCLE, new CapInvitationRequest().applicantIds(List.of("A-2020")).respondBy(respondBy).limit(2)))
                .getCode()).isEqualTo("LIMIT_REACHED");
        assertThat(failure(409,
                () -> operator.inviteToCap(CYCLE, new CapInvitationRequest().applicantIds(List.of("A-2002")).respondBy(respondBy)))
                .getCode()).isEqualTo("ALREADY_INVITED");

        FollowUpsApi patel = as("A-2002");
        CapInvitation invitation = patel.getCapInvitation(CYCLE, "A-2002");
        assertThat(invitation.getStatus()).isEqualTo(CapInvitation.StatusEnum.INVITED);
        assertThat(LocalDateTime.parse(invitation.getRespondBy())).isEqualTo(LocalDateTime.parse(respondBy));
        notFound(() -> as("A-2020").getCapInvitation(CYCLE, "A-2020"));
        notFound(() -> patel.getCapInvitation(CYCLE, "A-2022"));
        notFound(() -> patel.answerCapInvitation(CYCLE, "A-2022", new CapAnswer().accept(true)));
        assertThat(failure(403, () -> operator.answerCapInvitation(CYCLE, "A-2002", new CapAnswer().accept(true))).getCode())
                .isEqualTo("FORBIDDEN");

        long accepted = auditRows("cap.accepted");
        assertThat(patel.answerCapInvitation(CYCLE, "A-2002", new CapAnswer().accept(true)).getStatus())
                .isEqualTo(CapInvitation.StatusEnum.ACCEPTED);
        assertThat(auditRows("cap.accepted")).isEqualTo(accepted + 1);
        assertThat(failure(409, () -> patel.answerCapInvitation(CYCLE, "A-2002", new CapAnswer().accept(false))).getCode())
                .isEqualTo("ALREADY_ANSWERED");

        clock.set(LocalDateTime.parse(respondBy).plusMinutes(1));
        assertThat(failure(409, () -> as("A-2022").answerCapInvitation(CYCLE, "A-2022", new CapAnswer().accept(true))).getCode())
                .isEqualTo("DEADLINE_PASSED");
        assertThat(operator.getCapPool(CYCLE).getPool()).filteredOn(e -> e.getStatus() != null)
                .extracting(CapPoolEntry::getApplicantId, CapPoolEntry::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A-2022", "INVITED"),
                        org.assertj.core.groups.Tuple.tuple("A-2002", "ACCEPTED"));
        assertThat(operator.getCapInvitation(CYCLE, "A-2002").getStatus()).as("the operator sees every invitee's status")
                .isEqualTo(CapInvitation.StatusEnum.ACCEPTED);
    }
}
