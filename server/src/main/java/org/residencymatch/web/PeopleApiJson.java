package org.residencymatch.web;

import java.time.LocalDateTime;
import java.util.List;
import org.residencymatch.applicant.ApplicantDirectory;
import org.residencymatch.application.RankList;
import org.residencymatch.application.RankListReceipt;

/** The JSON shapes of {@link PeopleApiRoutes}, as records named after their schemas in {@code openapi.yaml}. */
final class PeopleApiJson {

    private PeopleApiJson() {
    }

    record ApplicantSearchResults(String q, int offset, int limit, boolean more, List<ApplicantSearchHit> applicants) {

        static ApplicantSearchResults of(ApplicantDirectory.Results results) {
            return new ApplicantSearchResults(results.query(), results.offset(), results.limit(), results.more(),
                    results.hits().stream().map(ApplicantSearchHit::of).toList());
        }
    }

    record ApplicantSearchHit(String applicantId, String familyName, String givenNames, String email, String minc, String category) {

        static ApplicantSearchHit of(ApplicantDirectory.Hit hit) {
            return new ApplicantSearchHit(hit.applicantId(), hit.familyName(), hit.givenNames(), hit.email(), hit.minc(), hit.category());
        }
    }

    /** Whether a receipt code is the one of the saved list; the list (version, time, ranks) only when it is. */
    record ReceiptCheck(String code, boolean matches, Integer version, LocalDateTime savedAt, List<RankListEntry> entries) {

        static ReceiptCheck of(ReceiptPages.Check check) {
            RankList list = check.list().orElse(null);
            return new ReceiptCheck(RankListReceipt.shown(check.code()), list != null, list == null ? null : list.version(),
                    list == null ? null : list.savedAt(),
                    list == null ? null : list.entries().stream().map(e -> new RankListEntry(e.item(), e.second())).toList());
        }
    }

    record RankListEntry(String item, String second) {
    }
}
