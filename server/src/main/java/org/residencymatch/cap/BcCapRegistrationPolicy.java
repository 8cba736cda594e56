package org.residencymatch.cap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.residencymatch.eligibility.ApplicantCategory;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.Citizenship;

/**
 * Who may register for UBC's Clinical Assessment Program: final-year international medical students
 * and IMGs, who are Canadian citizens or permanent residents. Pure: returns the decision with every
 * reason, so nobody is refused without being told exactly why.
 */
public final class BcCapRegistrationPolicy {

    /** A reason a registration is refused, as a message key ({@code bccap.refused.<code>}). */
    public record Decision(boolean allowed, List<String> reasons) {}

    private BcCapRegistrationPolicy() {}

    /** The decision for an applicant, or for one who has not filled in a profile for the cycle yet (empty). */
    public static Decision decide(Optional<ApplicantFacts> profile) {
        return profile.map(BcCapRegistrationPolicy::decide).orElse(new Decision(false, List.of("NO_PROFILE")));
    }

    public static Decision decide(ApplicantFacts facts) {
        List<String> reasons = new ArrayList<>();
        // A CMG's category says Canadian medical school; a final-year international student is recorded as an IMG.
        if (facts.category() != ApplicantCategory.IMG) reasons.add("NOT_INTERNATIONAL");
        if (facts.citizenship() == Citizenship.OTHER) reasons.add("CITIZENSHIP");
        return new Decision(reasons.isEmpty(), List.copyOf(reasons));
    }
}
