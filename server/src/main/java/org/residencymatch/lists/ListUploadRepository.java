package org.residencymatch.lists;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.residencymatch.NotFoundException;
import org.residencymatch.eligibility.CmqApproval;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.store.BulkInsert;

/**
 * The uploads of partner lists: the draft (list_upload), the file as it arrived (list_upload_file)
 * and its rows with their matching outcome and review (list_upload_row); and what an upload reads of
 * the applicants to match its rows. The versions themselves are {@link ListRepository}'s.
 */
public final class ListUploadRepository {

    /** An upload's own row. */
    public record Upload(long id, ListKind kind, String status, int basedOn, String fileName, String contentHash, String encoding,
            String uploadedBy, LocalDateTime uploadedAt, DateOrderPolicy.Decision dateOrder) {

        public boolean isDraft() {
            return status.equals("DRAFT");
        }
    }

    /** What the draft's own row holds, beside its rows and file. */
    public record Draft(String cycleId, ListKind kind, int basedOn, String fileName, String contentHash, String encoding, String uploadedBy,
            LocalDateTime uploadedAt, DateOrderPolicy.Decision dateOrder) {
    }

    /** How the upload's dates were read, from its row; null for uploads made before it was kept. */
    private static DateOrderPolicy.Decision dateOrder(java.sql.ResultSet rs) throws java.sql.SQLException {
        String reason = rs.getString("date_order_reason");
        if (reason == null) return null;
        String order = rs.getString("date_order");
        return new DateOrderPolicy.Decision(order == null ? null : DateOrder.valueOf(order), DateOrderPolicy.Reason.valueOf(reason),
                rs.getInt("date_order_row"), null);
    }

    /** Refuses a cycle that does not exist (the lists' pages and API are per cycle). */
    public void requireCycle(Handle h, String cycleId) {
        int found = h.createQuery("""
                SELECT COUNT(*) FROM cycle WHERE id = :id""")
                .bind("id", cycleId).mapTo(Integer.class).one();
        if (found == 0) throw new NotFoundException("cycle", cycleId);
    }

    /** The upload's own row, or NotFoundException if the cycle has no such upload. */
    public Upload upload(Handle h, String cycleId, long uploadId) {
        return h.createQuery("""
                SELECT * FROM list_upload WHERE cycle_id = :cycle AND id = :id""")
                .bind("cycle", cycleId).bind("id", uploadId)
                .map((rs, ctx) -> new Upload(rs.getLong("id"), ListKind.valueOf(rs.getString("kind")), rs.getString("status"),
                        rs.getInt("based_on_version"), rs.getString("file_name"), rs.getString("content_hash"),
                        rs.getString("encoding"), rs.getString("uploaded_by"), rs.getObject("uploaded_at", LocalDateTime.class),
                        dateOrder(rs)))
                .findOne().orElseThrow(() -> new NotFoundException("upload", String.valueOf(uploadId)));
    }

    /**
     * A list's drafts, newest first, with their row counts, in one query: the lists page is opened
     * often near a deadline, and a full preview per upload (its difference and catalogue effects)
     * made it the slowest page of the deadline mix (docs/RELIABILITY.md).
     */
    public List<DraftSummary> drafts(Handle h, String cycleId, ListKind kind) {
        return h.createQuery("""
                SELECT u.id, u.file_name, u.uploaded_at, COUNT(r.row_number) AS row_count,
                       COALESCE(SUM(CASE WHEN r.outcome IN ('PROBABLE', 'CONFLICT') AND r.review = 'NONE' THEN 1 ELSE 0 END), 0) AS awaiting
                FROM list_upload u LEFT JOIN list_upload_row r ON r.upload_id = u.id
                WHERE u.cycle_id = :cycle AND u.kind = :kind AND u.status = 'DRAFT'
                GROUP BY u.id, u.file_name, u.uploaded_at
                ORDER BY u.id DESC""")
                .bind("cycle", cycleId).bind("kind", kind.name())
                .map((rs, ctx) -> new DraftSummary(rs.getLong("id"), rs.getString("file_name"),
                        rs.getObject("uploaded_at", LocalDateTime.class), rs.getInt("row_count"), rs.getInt("awaiting")))
                .list();
    }

    /** The ids of a list's uploads, newest first. */
    public List<Long> uploadIds(Handle h, String cycleId, ListKind kind) {
        return h.createQuery("""
                SELECT id FROM list_upload WHERE cycle_id = :cycle AND kind = :kind ORDER BY id DESC""")
                .bind("cycle", cycleId).bind("kind", kind.name()).mapTo(Long.class).list();
    }

    /**
     * Stores a draft: its row, the file byte for byte, and its rows (list_upload_row has no per-row
     * foreign key, see migration V19: this is its only writer, in the transaction that writes the
     * upload's row). Returns the upload's id.
     */
    public long insertDraft(Handle h, Draft draft, byte[] content, List<UploadRow> rows) {
        long id = h.createUpdate(
                """
                        INSERT INTO list_upload (cycle_id, kind, status, based_on_version, file_name, content_hash, encoding,
                            uploaded_by, uploaded_at, date_order, date_order_reason, date_order_row)
                        VALUES (:cycle, :kind, 'DRAFT', :basedOn, :file, :hash, :encoding, :actor, :now, :dateOrder, :dateOrderReason, :dateOrderRow)""")
                .bind("cycle", draft.cycleId()).bind("kind", draft.kind().name()).bind("basedOn", draft.basedOn())
                .bind("file", truncate(draft.fileName(), 300)).bind("hash", draft.contentHash()).bind("encoding", draft.encoding())
                .bind("dateOrder", draft.dateOrder() == null || draft.dateOrder().order() == null ? null : draft.dateOrder().order().name())
                .bind("dateOrderReason", draft.dateOrder() == null ? null : draft.dateOrder().reason().name())
                .bindByType("dateOrderRow", draft.dateOrder() == null ? null : draft.dateOrder().evidenceRow(), Integer.class)
                .bind("actor", draft.uploadedBy()).bind("now", draft.uploadedAt())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.execute("""
                INSERT INTO list_upload_file (upload_id, content) VALUES (?, ?)""", id, content);
        BulkInsert.insert(h, "list_upload_row", List.of("upload_id", "row_number", "outcome", "applicant_id", "candidates", "explanation",
                "given_applicant_id", "minc", "mcc_candidate_code", "family_name", "given_names", "date_of_birth", "contingent",
                "mmi_score",
                "assessment_outcome", "review"), rows,
                r -> new Object[]{id, r.row(), r.outcome().name(), r.applicantId(), truncate(String.join(",", r.candidates()), 400),
                        truncate(r.explanation(), 400), r.givenApplicantId(), r.minc(), r.mccCandidateCode(), r.familyName(),
                        r.givenNames(),
                        r.dateOfBirth(), r.contingent() == null ? null : r.contingent().name(), r.mmiScore(), r.assessmentOutcome(),
                        UploadRow.Review.NONE.name()});
        return id;
    }

    /**
     * The rows as {@link #rows} reads them back once {@link #insertDraft} stored them: candidates and
     * explanation cut as stored, the MMI score at the column's scale (two decimals, rounded half up as
     * both databases do), in row order.
     */
    public static List<UploadRow> asStored(List<UploadRow> rows) {
        List<UploadRow> stored = new ArrayList<>(rows.size());
        for (UploadRow r : rows) {
            String candidates = truncate(String.join(",", r.candidates()), 400);
            stored.add(new UploadRow(r.row(), r.outcome(), r.applicantId(),
                    candidates == null || candidates.isEmpty() ? List.of() : List.of(candidates.split(",")), truncate(r.explanation(), 400),
                    r.givenApplicantId(), r.minc(), r.mccCandidateCode(), r.familyName(), r.givenNames(), r.dateOfBirth(), r.contingent(),
                    r.mmiScore() == null ? null : r.mmiScore().setScale(2, RoundingMode.HALF_UP), r.assessmentOutcome(),
                    UploadRow.Review.NONE, null));
        }
        stored.sort(Comparator.comparingInt(UploadRow::row));
        return stored;
    }

    /** An upload's rows, in file order. */
    public List<UploadRow> rows(Handle h, long uploadId) {
        return h.createQuery("""
                SELECT * FROM list_upload_row WHERE upload_id = :id ORDER BY row_number""")
                .bind("id", uploadId)
                .map((rs, ctx) -> {
                    String candidates = rs.getString("candidates");
                    String contingent = rs.getString("contingent");
                    return new UploadRow(rs.getInt("row_number"), MatchOutcome.valueOf(rs.getString("outcome")),
                            rs.getString("applicant_id"),
                            candidates == null || candidates.isEmpty() ? List.of() : List.of(candidates.split(",")),
                            rs.getString("explanation"),
                            rs.getString("given_applicant_id"), rs.getString("minc"), rs.getString("mcc_candidate_code"),
                            rs.getString("family_name"), rs.getString("given_names"), rs.getObject("date_of_birth", LocalDate.class),
                            contingent == null ? null : CmqApproval.valueOf(contingent), rs.getBigDecimal("mmi_score"),
                            rs.getString("assessment_outcome"), UploadRow.Review.valueOf(rs.getString("review")),
                            rs.getString("reviewed_applicant_id"));
                })
                .list();
    }

    /** Records a person's decision on a row: CONFIRMED as {@code chosen}, or REJECTED (chosen null). */
    public void review(Handle h, long uploadId, int rowNumber, UploadRow.Review review, String chosen, String actor, LocalDateTime now) {
        h.execute("""
                UPDATE list_upload_row SET review = ?, reviewed_applicant_id = ?, reviewed_by = ?, reviewed_at = ?
                WHERE upload_id = ? AND row_number = ?""",
                review.name(), chosen, actor, now, uploadId, rowNumber);
    }

    /** How many of an upload's rows still wait for a person. */
    public int awaitingReview(Handle h, long uploadId) {
        return h.createQuery("""
                SELECT COUNT(*) FROM list_upload_row
                WHERE upload_id = :id AND outcome IN ('PROBABLE', 'CONFLICT') AND review = 'NONE'""")
                .bind("id", uploadId).mapTo(Integer.class).one();
    }

    /** The file as it was uploaded, byte for byte. */
    public byte[] content(Handle h, long uploadId) {
        return h.createQuery("""
                SELECT content FROM list_upload_file WHERE upload_id = :id""")
                .bind("id", uploadId).mapTo(byte[].class).one();
    }

    /** Closes an upload as the source of {@code version}. */
    public void markCommitted(Handle h, long uploadId, int version, LocalDateTime now) {
        h.execute("""
                UPDATE list_upload SET status = 'COMMITTED', committed_version = ?, closed_at = ? WHERE id = ?""",
                version, now, uploadId);
    }

    /** Closes a list's drafts: they were made against an older version, so their previews are no longer true. */
    public void supersedeDrafts(Handle h, String cycleId, ListKind kind, LocalDateTime now) {
        h.execute("""
                UPDATE list_upload SET status = 'SUPERSEDED', closed_at = ?
                WHERE cycle_id = ? AND kind = ? AND status = 'DRAFT'""",
                now, cycleId, kind.name());
    }

    /** Makes the upload that a torn (voided) version came from a draft again, to be committed anew. */
    public void reopenUploadOf(Handle h, String cycleId, ListKind kind, int version) {
        h.execute("""
                UPDATE list_upload SET status = 'DRAFT', committed_version = NULL, closed_at = NULL
                WHERE cycle_id = ? AND kind = ? AND committed_version = ?""",
                cycleId, kind.name(), version);
    }

    /** The applicants with a profile in the cycle, as identity matching knows them (a read of the applicant feature's tables). */
    public List<KnownApplicant> knownApplicants(Handle h, String cycleId) {
        return h.createQuery("""
                SELECT a.id, a.family_name, a.given_names, a.date_of_birth, a.minc, a.mcc_candidate_code
                FROM applicant a JOIN applicant_profile p ON p.applicant_id = a.id AND p.cycle_id = :cycle""")
                .bind("cycle", cycleId)
                .map((rs, ctx) -> new KnownApplicant(rs.getString("id"), rs.getString("family_name"), rs.getString("given_names"),
                        rs.getObject("date_of_birth", LocalDate.class), rs.getString("minc"), rs.getString("mcc_candidate_code")))
                .list();
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
