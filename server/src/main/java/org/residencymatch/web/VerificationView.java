package org.residencymatch.web;

import java.time.LocalDateTime;
import java.util.List;
import org.residencymatch.applicant.Document;
import org.residencymatch.eligibility.ProfileFact;

/**
 * The operator's verification page: the documents awaiting a check, oldest first, each beside the facts
 * it proves as the applicant declared them; then the facts that await verification with no document yet.
 */
public record VerificationView(List<DocumentToCheck> documents, List<FactWithoutDocument> withoutDocument) {

    /** A document to check, whose it is, and the facts it proves: as declared, and where each stands. */
    public record DocumentToCheck(Document document, String applicantName, List<Declared> facts) {
    }

    /** One fact as the applicant declared it, and its verification state (AWAITING_VERIFICATION, VERIFIED, REFUSED). */
    public record Declared(ProfileFact fact, String value, String state) {
    }

    /** A fact awaiting verification for which the applicant has sent no document. */
    public record FactWithoutDocument(String applicantId, String applicantName, ProfileFact fact, String value, LocalDateTime declaredAt) {
    }
}
