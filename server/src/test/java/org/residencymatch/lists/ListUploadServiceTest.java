package org.residencymatch.lists;

import org.residencymatch.ConflictException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.residencymatch.Services;
import org.residencymatch.applicant.Identity;
import org.residencymatch.catalogue.CatalogueEntry;
import org.residencymatch.demo.DemoData;
import org.residencymatch.demo.TestDemo;
import org.residencymatch.eligibility.CmqApproval;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.reconciliation.CaseStatus;
import org.residencymatch.store.DatabaseTest;

@DatabaseTest
class ListUploadServiceTest {

    private static final String CYCLE = DemoData.CYCLE;
    /** A Québec "Regular Stream for All" (Laval, Anesthesiology). */
    private static final String QUEBEC_STREAM = "27032";

    private Services services;

    @BeforeEach
    void setUp() {
        services = TestDemo.start();
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    private Identity identity(String applicantId) {
        return services.profiles().identity(applicantId).orElseThrow();
    }

    /** A QIMG row for a demo applicant, keyed by the given columns only. */
    private String qimgRow(String applicantId, boolean withMinc) {
        Identity i = identity(applicantId);
        return (withMinc ? i.minc() : "") + ";" + i.familyName() + ";" + i.givenNames() + ";" + i.dateOfBirth() + ";Régulier";
    }

    private static final String QIMG_HEADER = "MINC;Nom de famille;Prénom(s);Date de naissance;Contingent";

    private byte[] frenchExcel(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(Charset.forName("windows-1252"));
    }

    private CatalogueEntry quebecDecision(String applicantId) {
        return services.catalogue().explain(CYCLE, applicantId, QUEBEC_STREAM, 1);
    }

    @Test
    void aFrenchExcelListIsReadMatchedCommittedAndChangesCataloguesWithTheNewProvenance() throws Exception {
        assertThat(quebecDecision("A-2005").decision().reasonCodes()).contains("QUEBEC_REGULIER_NOT_ON_LIST");
        byte[] file = frenchExcel(QIMG_HEADER, qimgRow("A-2004", true), qimgRow("A-2015", true), qimgRow("A-2022", true),
                qimgRow("A-2018", true), qimgRow("A-2005", true));

        var result = services.listUploads().upload(CYCLE, ListKind.QIMG, "bci-corrections.csv", file, "user:bci");

        Preview preview = result.preview();
        assertThat(result.identicalToCurrent()).isFalse();
        assertThat(preview.encoding()).isEqualTo("windows-1252");
        assertThat(preview.outcomes().get(MatchOutcome.MATCHED)).isEqualTo(5);
        assertThat(preview.added()).containsExactly("A-2005");
        assertThat(preview.removed()).isEmpty();
        assertThat(preview.catalogueChanges()).isEqualTo(1);
        List<UploadRow> rows = services.listUploads().rows(CYCLE, preview.uploadId(), null);
        assertThat(rows).extracting(UploadRow::familyName).contains("Lévesque");

        int version = services.listVersions().commit(CYCLE, preview.uploadId(), "user:bci");

        assertThat(version).isEqualTo(2);
        CatalogueEntry after = quebecDecision("A-2005");
        assertThat(after.decision().decision()).isEqualTo(Decision.SELECTABLE);
        assertThat(services.reconciliation().casesOf(CYCLE, "A-2005")).extracting(c -> c.status())
                .containsExactly(CaseStatus.CLOSED_AUTOMATICALLY);
        assertThat(services.outbox().pendingCount()).isEqualTo(1);
        // Someone still not on the list is told so by version 2 of the list.
        assertThat(quebecDecision("A-2001").decision().reasons())
                .anySatisfy(r -> assertThat(r.provenance().listVersion()).isEqualTo(2));
        assertThat(auditActions()).contains("list.uploaded", "list.committed", "case.closed-automatically");
    }

    @Test
    void aVersionMadeCurrentWithoutItsEffectsHasThemAppliedOnceByTheNextPass() throws Exception {
        byte[] file = frenchExcel(QIMG_HEADER, qimgRow("A-2004", true), qimgRow("A-2015", true), qimgRow("A-2022", true),
                qimgRow("A-2018", true), qimgRow("A-2005", true));
        var preview = services.listUploads().upload(CYCLE, ListKind.QIMG, "bci-corrections.csv", file, "user:bci").preview();

        // As if the service died right after the commit's first transaction.
        var committed = services.listVersions().commitVersion(CYCLE, preview.uploadId(), "user:bci");

        assertThat(committed).isEqualTo(new ListVersionService.Committed(ListKind.QIMG, 2, 5));
        assertThat(quebecDecision("A-2005").decision().decision()).as("decisions read the new version at once")
                .isEqualTo(Decision.SELECTABLE);
        assertThat(services.reconciliation().casesOf(CYCLE, "A-2005")).extracting(c -> c.status()).containsExactly(CaseStatus.OPEN);
        assertThat(services.outbox().pendingCount()).isZero();

        assertThat(services.listVersions().applyAllPendingEffects()).isEqualTo(1);
        assertThat(services.listVersions().applyAllPendingEffects()).as("a second pass finds nothing left").isZero();

        assertThat(services.reconciliation().casesOf(CYCLE, "A-2005")).extracting(c -> c.status())
                .containsExactly(CaseStatus.CLOSED_AUTOMATICALLY);
        assertThat(services.outbox().pendingCount()).isEqualTo(1);
    }

    /**
     * A member whose entry alone changes (here BCI's CMQ contingent) is affected by the version as much
     * as one added or removed: eligibility and reconciliation read the entry. The preview and the
     * effects start from that one set; left out, the case below would stay open.
     */
    @Test
    void aMemberWhoseEntryAloneChangesIsAffectedByTheNewVersion() throws Exception {
        // Version 2 as BCI might have sent it by mistake: A-2015, whose profile says Régulier, listed as Particulier.
        List<ListMember> particulier = List.of(new ListMember("A-2004", CmqApproval.REGULIER, null, null),
                new ListMember("A-2015", CmqApproval.PARTICULIER, null, null), new ListMember("A-2018", CmqApproval.REGULIER, null, null),
                new ListMember("A-2022", CmqApproval.REGULIER, null, null));
        services.database().jdbi().useTransaction(h -> {
            services.lists().commitNewVersion(h, CYCLE, ListKind.QIMG, particulier,
                    new ListRepository.Origin("test: BCI", null, null, null, "test"), java.time.LocalDateTime.now());
            services.reconciliation().syncApplicant(h, CYCLE, services.applicants().findProfile(h, CYCLE, "A-2015").orElseThrow(),
                    services.lists().forApplicant(h, CYCLE, "A-2015"));
        });
        assertThat(services.reconciliation().casesOf(CYCLE, "A-2015")).extracting(c -> c.code(), c -> c.status())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("QIMG_CONTINGENT_MISMATCH", CaseStatus.OPEN));

        byte[] corrected = frenchExcel(QIMG_HEADER, qimgRow("A-2004", true), qimgRow("A-2015", true), qimgRow("A-2018", true),
                qimgRow("A-2022", true));
        Preview preview = services.listUploads().upload(CYCLE, ListKind.QIMG, "bci-corrected.csv", corrected, "user:bci").preview();

        assertThat(preview.added()).isEmpty();
        assertThat(preview.removed()).isEmpty();
        assertThat(preview.changed()).containsExactly("A-2015");
        services.listVersions().commit(CYCLE, preview.uploadId(), "user:bci");
        assertThat(services.reconciliation().casesOf(CYCLE, "A-2015")).extracting(c -> c.code(), c -> c.status())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("QIMG_CONTINGENT_MISMATCH", CaseStatus.CLOSED_AUTOMATICALLY));
    }

    @Test
    void aVersionTornByACrashIsVoidedAtStartAndItsUploadIsADraftAgain() throws Exception {
        byte[] file = frenchExcel(QIMG_HEADER, qimgRow("A-2004", true), qimgRow("A-2015", true), qimgRow("A-2022", true),
                qimgRow("A-2018", true), qimgRow("A-2005", true));
        var preview = services.listUploads().upload(CYCLE, ListKind.QIMG, "bci-corrections.csv", file, "user:bci").preview();
        services.listVersions().commitVersion(CYCLE, preview.uploadId(), "user:bci");
        assertThat(services.listVersions().voidTornVersions()).as("an intact database has none").isZero();
        // What H2 can leave when the process dies while committing: part of the members are missing.
        services.database().jdbi().useHandle(h -> h.execute(
                "DELETE FROM list_membership WHERE cycle_id = ? AND kind = 'QIMG' AND version = 2 AND applicant_id IN ('A-2005', 'A-2022')",
                CYCLE));

        // The service starting again on the same database (Services keeps nothing else).
        services = Services.start(services.database());

        assertThat(services.listVersions().history(CYCLE, ListKind.QIMG)).extracting(ListVersionInfo::version).containsExactly(1);
        assertThat(services.listUploads().preview(CYCLE, preview.uploadId()).status()).isEqualTo("DRAFT");
        assertThat(auditActions()).contains("list.torn-version-voided");
        assertThat(services.listVersions().commit(CYCLE, preview.uploadId(), "user:bci")).as("committed anew, whole, under a new number")
                .isEqualTo(3);
        assertThat(services.listVersions().history(CYCLE, ListKind.QIMG).get(0).members()).isEqualTo(5);
    }

    @Test
    void anExcelWorkbookIsReadWithItsDatesAndFormulasAsCachedValues() throws Exception {
        Identity patel = identity("A-2002");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("AIMG 2025");
            ws.value(0, 0, "Family name");
            ws.value(0, 1, "Given names");
            ws.value(0, 2, "Date of birth");
            ws.value(0, 3, "MMI score");
            ws.value(0, 4, "Applicant ID");
            ws.value(1, 0, patel.familyName());
            ws.value(1, 1, patel.givenNames());
            ws.value(1, 2, patel.dateOfBirth());
            ws.style(1, 2).format("yyyy-mm-dd").set();
            ws.value(1, 3, 81.5);
            ws.value(1, 4, "A-2002");
        }

        var preview = services.listUploads().upload(CYCLE, ListKind.AIMG, "aimg.xlsx", out.toByteArray(), "user:aimg").preview();

        assertThat(preview.encoding()).isEqualTo("xlsx");
        UploadRow row = services.listUploads().rows(CYCLE, preview.uploadId(), null).get(0);
        assertThat(row.outcome()).isEqualTo(MatchOutcome.MATCHED);
        assertThat(row.dateOfBirth()).isEqualTo(patel.dateOfBirth());
        assertThat(row.mmiScore()).isEqualByComparingTo("81.5");
        // The upload leaves out everyone else of version 1.
        assertThat(preview.removed()).isNotEmpty().doesNotContain("A-2002");
    }

    @Test
    void uncertainRowsWaitForAPersonBeforeTheCommit() throws Exception {
        Identity chen = identity("A-2003");
        // No key, and a typo in the family name: a near match only.
        String near = ";" + "Chem" + ";" + chen.givenNames() + ";" + chen.dateOfBirth() + ";Régulier";
        // A MINC of one applicant with another's name: a conflict.
        Identity kim = identity("A-2008");
        String conflict = identity("A-2001").minc() + ";" + kim.familyName() + ";" + kim.givenNames() + ";" + kim.dateOfBirth()
                + ";Régulier";
        String stranger = ";Inconnu;Personne;1980-01-01;Régulier";
        byte[] file = frenchExcel(QIMG_HEADER, qimgRow("A-2004", true), near, conflict, stranger);

        Preview preview = services.listUploads().upload(CYCLE, ListKind.QIMG, "q.csv", file, "user:bci").preview();

        assertThat(preview.outcomes()).containsEntry(MatchOutcome.MATCHED, 1).containsEntry(MatchOutcome.PROBABLE, 1)
                .containsEntry(MatchOutcome.CONFLICT, 1).containsEntry(MatchOutcome.UNMATCHED, 1);
        assertThat(preview.awaitingReview()).isEqualTo(2);
        // The lists page's summary of the draft counts the same rows as the preview, without one.
        assertThat(services.listUploads().drafts(CYCLE, ListKind.QIMG))
                .containsExactly(new DraftSummary(preview.uploadId(), "q.csv", preview.uploadedAt(), 4, 2));
        assertThat(services.listUploads().drafts(CYCLE, ListKind.AIMG)).isEmpty();
        assertThatThrownBy(() -> services.listVersions().commit(CYCLE, preview.uploadId(), "user:bci"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("REVIEW_PENDING"));

        services.listUploads().review(CYCLE, preview.uploadId(), 3, true, null, "user:operator");
        services.listUploads().review(CYCLE, preview.uploadId(), 4, false, null, "user:operator");
        assertThat(services.listUploads().drafts(CYCLE, ListKind.QIMG)).extracting(DraftSummary::awaitingReview).containsExactly(0);
        services.listVersions().commit(CYCLE, preview.uploadId(), "user:bci");
        assertThat(services.listUploads().drafts(CYCLE, ListKind.QIMG)).isEmpty();

        var members = services.database().jdbi().withHandle(h -> services.lists().members(h, CYCLE, ListKind.QIMG, 2));
        assertThat(members.keySet()).containsExactlyInAnyOrder("A-2004", "A-2003");
        assertThat(auditActions()).contains("list.row-confirmed", "list.row-rejected");
    }

    @Test
    void anIdenticalFileIsANoOpAndAStaleOrRacingCommitIsAConflict() throws Exception {
        byte[] first = frenchExcel(QIMG_HEADER, qimgRow("A-2004", true));
        byte[] second = frenchExcel(QIMG_HEADER, qimgRow("A-2004", true), qimgRow("A-2005", true));
        Preview a = services.listUploads().upload(CYCLE, ListKind.QIMG, "a.csv", first, "user:bci").preview();
        Preview b = services.listUploads().upload(CYCLE, ListKind.QIMG, "b.csv", second, "user:bci").preview();
        services.listVersions().commit(CYCLE, a.uploadId(), "user:bci");

        var again = services.listUploads().upload(CYCLE, ListKind.QIMG, "a-again.csv", first, "user:bci");
        assertThat(again.identicalToCurrent()).isTrue();
        assertThat(again.currentVersion()).isEqualTo(2);
        assertThatThrownBy(() -> services.listVersions().commit(CYCLE, b.uploadId(), "user:bci"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("UPLOAD_CLOSED"));
        assertThat(services.listVersions().history(CYCLE, ListKind.QIMG)).extracting(ListVersionInfo::version).containsExactly(2, 1);
    }

    @Test
    void twoCommitsRacingFromTheSameVersionLeaveExactlyOneWinner() throws Exception {
        Preview a = services.listUploads().upload(CYCLE, ListKind.BCIMG, "a.csv",
                ("Family name,Given names,Date of birth,Applicant ID\n" + row("A-2003")).getBytes(StandardCharsets.UTF_8), "user:ubc")
                .preview();
        // A second upload made before the first commit, committed "at the same time": simulate by resetting its status.
        Preview b = services.listUploads().upload(CYCLE, ListKind.BCIMG, "b.csv",
                ("Family name,Given names,Date of birth,Applicant ID\n" + row("A-2021")).getBytes(StandardCharsets.UTF_8), "user:ubc")
                .preview();
        services.listVersions().commit(CYCLE, a.uploadId(), "user:ubc");
        services.database().jdbi().useHandle(h -> h.execute("UPDATE list_upload SET status = 'DRAFT' WHERE id = ?", b.uploadId()));

        assertThatThrownBy(() -> services.listVersions().commit(CYCLE, b.uploadId(), "user:ubc"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("STALE_UPLOAD"));
        assertThat(services.listVersions().history(CYCLE, ListKind.BCIMG)).hasSize(2);
    }

    @Test
    void aVersionNamingAnApplicantTheDatabaseDoesNotHoldIsRefusedWhole() throws Exception {
        byte[] file = frenchExcel(QIMG_HEADER, qimgRow("A-2004", true), qimgRow("A-2015", true), qimgRow("A-2005", true));
        var preview = services.listUploads().upload(CYCLE, ListKind.QIMG, "bci-corrections.csv", file, "user:bci").preview();
        // As a defect between matching and commit would leave it: list_membership has no per-row foreign key (V19).
        services.database().jdbi().useHandle(h -> h.execute(
                "UPDATE list_upload_row SET applicant_id = 'A-NOBODY' WHERE upload_id = ? AND applicant_id = 'A-2005'",
                preview.uploadId()));

        assertThatThrownBy(() -> services.listVersions().commit(CYCLE, preview.uploadId(), "user:bci"))
                .hasMessageContaining("1 row(s) of upload " + preview.uploadId() + " name no known applicant");
        assertThat(services.listVersions().history(CYCLE, ListKind.QIMG)).extracting(ListVersionInfo::version).containsExactly(1);
        assertThat(services.listUploads().preview(CYCLE, preview.uploadId()).status()).isEqualTo("DRAFT");

        var seeded = List.of(ListMember.of("A-2004"), ListMember.of("A-NOBODY"));
        assertThatThrownBy(() -> services.database().jdbi().useTransaction(h -> services.lists().commitNewVersion(h, CYCLE, ListKind.AIMG,
                seeded, new ListRepository.Origin("test", null, null, null, "test"), java.time.LocalDateTime.now())))
                .hasMessageContaining("1 member(s) of the AIMG list name no known applicant");
        assertThat(services.listVersions().history(CYCLE, ListKind.AIMG)).extracting(ListVersionInfo::version).containsExactly(1);
    }

    @Test
    void aScoreWrittenWithMoreOrFewerDecimalsIsTheSameScore() throws Exception {
        String header = "Family name,Given names,Date of birth,Applicant ID,MMI score\n";
        Preview first = services.listUploads().upload(CYCLE, ListKind.AIMG, "a.csv",
                (header + row("A-2002") + ",82\n" + row("A-2009") + ",70.5\n").getBytes(StandardCharsets.UTF_8), "user:aimg").preview();
        services.listVersions().commit(CYCLE, first.uploadId(), "user:aimg");

        Preview same = services.listUploads().upload(CYCLE, ListKind.AIMG, "b.csv",
                (header + row("A-2002") + ",82.00\n" + row("A-2009") + ",70.50\n").getBytes(StandardCharsets.UTF_8), "user:aimg").preview();
        Preview changed = services.listUploads().upload(CYCLE, ListKind.AIMG, "c.csv",
                (header + row("A-2002") + ",82.01\n" + row("A-2009") + ",70.5\n").getBytes(StandardCharsets.UTF_8), "user:aimg").preview();

        assertThat(same.changed()).isEmpty();
        assertThat(services.listUploads().preview(CYCLE, same.uploadId()).changed()).as("read back from the database").isEmpty();
        assertThat(changed.changed()).containsExactly("A-2002");
    }

    @Test
    void aRevertIsANewVersionWithTheOldMembers() throws Exception {
        Preview a = services.listUploads().upload(CYCLE, ListKind.AIMG, "a.csv",
                ("Family name,Given names,Date of birth,Applicant ID\n" + row("A-2002")).getBytes(StandardCharsets.UTF_8), "user:aimg")
                .preview();
        services.listVersions().commit(CYCLE, a.uploadId(), "user:aimg");

        int version = services.listVersions().revert(CYCLE, ListKind.AIMG, 1, "user:operator");

        assertThat(version).isEqualTo(3);
        var v1 = services.database().jdbi().withHandle(h -> services.lists().members(h, CYCLE, ListKind.AIMG, 1));
        var v3 = services.database().jdbi().withHandle(h -> services.lists().members(h, CYCLE, ListKind.AIMG, 3));
        assertThat(v3).isEqualTo(v1);
        assertThat(services.listVersions().history(CYCLE, ListKind.AIMG).get(0).revertedTo()).isEqualTo(1);
    }

    @Test
    void aCommitThatClosesAnAppliedStreamFlagsTheApplicationAndAReopeningOneUnflagsIt() throws Exception {
        String albertaImg = services.database().jdbi().withHandle(h -> services.programs().streams(h, CYCLE)).stream()
                .filter(s -> s.province().name().equals("AB") && s.type().name().equals("IMG")).findFirst().orElseThrow().streamId();
        services.database().jdbi().useHandle(h -> h.execute(
                "INSERT INTO application (cycle_id, iteration, applicant_id, stream_id, status, applied_at) VALUES (?, 1, 'A-2002', ?, 'ACTIVE', ?)",
                CYCLE, albertaImg, LocalDate.of(2024, 10, 15).atStartOfDay()));
        String header = "Family name,Given names,Date of birth,Applicant ID\n";

        Preview without = services.listUploads()
                .upload(CYCLE, ListKind.AIMG, "a.csv", (header + row("A-2009")).getBytes(StandardCharsets.UTF_8), "user:aimg").preview();
        services.listVersions().commit(CYCLE, without.uploadId(), "user:aimg");

        var flagged = services.applications().applicationsOf(CYCLE, 1, "A-2002");
        assertThat(flagged).singleElement().satisfies(a -> {
            assertThat(a.active()).as("kept, never removed").isTrue();
            assertThat(a.flagCode()).contains("AIMG_LIST_REQUIRED");
        });
        assertThat(services.applications().flagged(CYCLE)).hasSize(1);

        Preview with = services.listUploads().upload(CYCLE, ListKind.AIMG, "b.csv",
                (header + row("A-2009") + "\n" + row("A-2002")).getBytes(StandardCharsets.UTF_8), "user:aimg").preview();
        services.listVersions().commit(CYCLE, with.uploadId(), "user:aimg");
        assertThat(services.applications().applicationsOf(CYCLE, 1, "A-2002").get(0).flagCode()).isNull();
    }

    private String row(String applicantId) {
        Identity i = identity(applicantId);
        return "\"" + i.familyName() + "\",\"" + i.givenNames() + "\"," + i.dateOfBirth() + "," + applicantId;
    }

    @Test
    void badFilesAreRefusedWholeWithRowColumnAndReasonAndChangeNothing() {
        assertRefused(ListKind.QIMG, "", "EMPTY_FILE", 0);
        assertRefused(ListKind.QIMG, "Nom;Prénom;Date de naissance\nX;Y;1990-01-01\n", "MISSING_COLUMN", 1);
        assertRefused(ListKind.AIMG, "Nom;Prénom;Date de naissance;Contingent\nX;Y;1990-01-01;Régulier\n", "WRONG_LIST_KIND", 1);
        assertRefused(ListKind.QIMG, QIMG_HEADER + "\n;X;Y;03/04/1990;Régulier\n", "AMBIGUOUS_DATE", 2);
        assertRefused(ListKind.QIMG, QIMG_HEADER + "\n;X;Y;1990-04-03;Particulier\n", "PARTICULIER_ON_QIMG", 2);
        assertRefused(ListKind.QIMG, QIMG_HEADER + "\nCAMD-1234-5670;X;Y;1990-04-03;Régulier\n", "MINC_CHECK", 2);
        assertRefused(ListKind.QIMG, QIMG_HEADER + "\n;X;Y;1990-04-03;Régulier\n;x;y;1990-04-03;Régulier\n", "DUPLICATE_ROW", 3);
        assertRefused(ListKind.QIMG, QIMG_HEADER + "\n;X\u0007;Y;1990-04-03;Régulier\n", "CONTROL_CHARACTER", 2);
        assertRefused(ListKind.QIMG, QIMG_HEADER + "\n", "NO_ROWS", 0);
        int uploads = services.database().jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM list_upload").mapTo(Integer.class).one());
        assertThat(uploads).isZero();
    }

    private void assertRefused(ListKind kind, String content, String code, int row) {
        assertThatThrownBy(
                () -> services.listUploads().upload(CYCLE, kind, "bad.csv", content.getBytes(StandardCharsets.UTF_8), "user:test"))
                .as(code)
                .isInstanceOfSatisfying(ListFileException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.code()).isEqualTo(code);
                            assertThat(p.row()).isEqualTo(row);
                        }));
    }

    private List<String> auditActions() {
        return services.database().jdbi()
                .withHandle(h -> h.createQuery("SELECT action FROM audit_log ORDER BY id").mapTo(String.class).list());
    }

    @Test
    void ambiguousAndUnambiguousDates() {
        assertThat(DateReader.parse("1990-04-03").date()).isEqualTo(LocalDate.of(1990, 4, 3));
        assertThat(DateReader.parse("25/12/1990").date()).isEqualTo(LocalDate.of(1990, 12, 25));
        assertThat(DateReader.parse("12/25/1990").date()).isEqualTo(LocalDate.of(1990, 12, 25));
        assertThat(DateReader.parse("3 avril 1990").date()).isEqualTo(LocalDate.of(1990, 4, 3));
        assertThat(DateReader.parse("April 3, 1990").date()).isEqualTo(LocalDate.of(1990, 4, 3));
        assertThat(DateReader.parse("03-Apr-1990").date()).isEqualTo(LocalDate.of(1990, 4, 3));
        assertThat(DateReader.parse("1er août 1990").date()).isEqualTo(LocalDate.of(1990, 8, 1));
        assertThat(DateReader.parse("03/04/1990").problem()).isEqualTo("AMBIGUOUS_DATE");
        assertThat(DateReader.parse("1990-02-30").problem()).isEqualTo("NOT_A_REAL_DATE");
        assertThat(DateReader.parse("someday").problem()).isEqualTo("NOT_A_DATE");
    }
}
