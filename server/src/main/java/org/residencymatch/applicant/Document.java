package org.residencymatch.applicant;

import java.time.LocalDateTime;
import org.residencymatch.eligibility.DocumentKind;
import org.residencymatch.eligibility.LocalizedText;

/**
 * A document an applicant uploaded to prove a fact, without its content: what it is, when it came,
 * and where the operator's check of it stands.
 *
 * @param status {@code AWAITING}, {@code ACCEPTED} or {@code REFUSED}
 * @param refusal why it was refused, in both languages; only for a refusal
 * @param deletedAt when the applicant withdrew it (it is kept for the audit), or null
 */
public record Document(long id, String cycleId, String applicantId, DocumentKind kind, String fileName, String mediaType, int sizeBytes,
        String sha256, LocalDateTime uploadedAt, String status, LocalDateTime decidedAt, String decidedBy, LocalizedText refusal,
        LocalDateTime deletedAt) {

    public boolean awaiting() {
        return status.equals("AWAITING") && deletedAt == null;
    }
}
