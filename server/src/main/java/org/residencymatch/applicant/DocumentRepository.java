package org.residencymatch.applicant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.residencymatch.eligibility.DocumentKind;
import org.residencymatch.eligibility.LocalizedText;

/** The SQL of the applicants' documents (tables applicant_document and applicant_document_content, V35). */
final class DocumentRepository {

    private static final String COLUMNS = """
            id, cycle_id, applicant_id, kind, file_name, media_type, size_bytes, sha256, uploaded_at, status, decided_at, decided_by,
            refusal_en, refusal_fr, deleted_at""";

    long insert(Handle h, String cycleId, String applicantId, DocumentKind kind, String fileName, String mediaType, byte[] content,
            String sha256,
            String actor, LocalDateTime now) {
        long id = h.createUpdate("""
                INSERT INTO applicant_document (cycle_id, applicant_id, kind, file_name, media_type, size_bytes, sha256, uploaded_at,
                    uploaded_by, status)
                VALUES (:cycle, :applicant, :kind, :name, :type, :size, :sha, :now, :actor, 'AWAITING')""")
                .bind("cycle", cycleId).bind("applicant", applicantId).bind("kind", kind.name()).bind("name", fileName)
                .bind("type", mediaType)
                .bind("size", content.length).bind("sha", sha256).bind("now", now).bind("actor", actor)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.execute("INSERT INTO applicant_document_content (document_id, content) VALUES (?, ?)", id, content);
        return id;
    }

    /** How many documents the applicant has uploaded in the cycle, withdrawn ones included (they are kept). */
    int count(Handle h, String cycleId, String applicantId) {
        return h.createQuery("SELECT COUNT(*) FROM applicant_document WHERE cycle_id = :cycle AND applicant_id = :applicant")
                .bind("cycle", cycleId).bind("applicant", applicantId).mapTo(Integer.class).one();
    }

    List<Document> ofApplicant(Handle h, String cycleId, String applicantId) {
        return h.createQuery(
                "SELECT " + COLUMNS + " FROM applicant_document WHERE cycle_id = :cycle AND applicant_id = :applicant ORDER BY id")
                .bind("cycle", cycleId).bind("applicant", applicantId).map((rs, ctx) -> document(rs)).list();
    }

    /** The documents nobody has decided yet and nobody withdrew, oldest first. */
    List<Document> awaiting(Handle h, String cycleId) {
        return h.createQuery("SELECT " + COLUMNS + """
                 FROM applicant_document WHERE cycle_id = :cycle AND status = 'AWAITING' AND deleted_at IS NULL
                ORDER BY uploaded_at, id""")
                .bind("cycle", cycleId).map((rs, ctx) -> document(rs)).list();
    }

    /** The documents of the cycle nobody withdrew, by applicant and in the order they came. */
    List<Document> kept(Handle h, String cycleId) {
        return h.createQuery(
                "SELECT " + COLUMNS + " FROM applicant_document WHERE cycle_id = :cycle AND deleted_at IS NULL ORDER BY applicant_id, id")
                .bind("cycle", cycleId).map((rs, ctx) -> document(rs)).list();
    }

    /** The applicant's document, locked for a change when {@code forUpdate}. */
    Optional<Document> find(Handle h, String cycleId, String applicantId, long id, boolean forUpdate) {
        return h.createQuery(
                "SELECT " + COLUMNS + " FROM applicant_document WHERE id = :id AND cycle_id = :cycle AND applicant_id = :applicant"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .bind("id", id).bind("cycle", cycleId).bind("applicant", applicantId).map((rs, ctx) -> document(rs)).findOne();
    }

    byte[] content(Handle h, long id) {
        return h.createQuery("SELECT content FROM applicant_document_content WHERE document_id = :id").bind("id", id).mapTo(byte[].class)
                .one();
    }

    void decide(Handle h, long id, boolean accepted, LocalizedText refusal, String decidedBy, LocalDateTime now) {
        h.createUpdate("""
                UPDATE applicant_document SET status = :status, decided_at = :now, decided_by = :by, refusal_en = :en, refusal_fr = :fr
                WHERE id = :id""")
                .bind("status", accepted ? "ACCEPTED" : "REFUSED").bind("now", now).bind("by", decidedBy)
                .bind("en", refusal == null ? null : refusal.en()).bind("fr", refusal == null ? null : refusal.fr()).bind("id", id)
                .execute();
    }

    void markDeleted(Handle h, long id, String actor, LocalDateTime now) {
        h.createUpdate("UPDATE applicant_document SET deleted_at = :now, deleted_by = :actor WHERE id = :id")
                .bind("now", now).bind("actor", actor).bind("id", id).execute();
    }

    private static Document document(ResultSet rs) throws SQLException {
        String en = rs.getString("refusal_en");
        return new Document(rs.getLong("id"), rs.getString("cycle_id"), rs.getString("applicant_id"),
                DocumentKind.valueOf(rs.getString("kind")),
                rs.getString("file_name"), rs.getString("media_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
                rs.getObject("uploaded_at", LocalDateTime.class), rs.getString("status"), rs.getObject("decided_at", LocalDateTime.class),
                rs.getString("decided_by"), en == null ? null : new LocalizedText(en, rs.getString("refusal_fr")),
                rs.getObject("deleted_at", LocalDateTime.class));
    }
}
