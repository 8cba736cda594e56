package org.residencymatch.web;

import java.time.LocalDateTime;
import java.util.List;
import org.residencymatch.applicant.Document;
import org.residencymatch.eligibility.ProfileFact;

/**
 * One line of a faculty's verification page: a fact of one of its students awaiting its verification,
 * as declared and since when, with the documents the student sent that prove it.
 */
public record FacultyVerificationItem(String applicantId, String applicantName, ProfileFact fact, String declared, LocalDateTime declaredAt,
        List<Document> documents) {

    /** The form's and the error's key on the page: applicant and fact. */
    public String key() {
        return applicantId + "/" + fact.name();
    }

    /** An id for the page's elements. */
    public String anchor() {
        return applicantId + "-" + fact.name();
    }
}
