package org.residencymatch.cap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.residencymatch.Refusal;
import org.residencymatch.eligibility.ApplicantCategory;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.Citizenship;

/**
 * Who may register for UBC's Clinical Assessment Program: final-year international medical students
 * and IMGs, who are Canadian citizens or permanent residents. Pure: returns the decision with every
 * reason, so nobody is refused without being told exactly why.
 */
public final class BcCapRegistrationPolicy {

    /** Allowed when nothing refuses it; else every refusal ({@code bccap.refused.<code>}), in a stable order. */
    public record Decision(List<Refusal> refusals) {
        public Decision {
            refusals = List.copyOf(refusals);
        }

        public boolean allowed() {
            return refusals.isEmpty();
        }

        /** The refusals' codes ({@code NO_PROFILE}, {@code NOT_INTERNATIONAL}, {@code CITIZENSHIP}). */
        public List<String> reasons() {
            return refusals.stream().map(Refusal::code).toList();
        }
    }

    private BcCapRegistrationPolicy() {
    }

    /** The decision for an applicant, or for one who has not filled in a profile for the cycle yet (empty). */
    public static Decision decide(Optional<ApplicantFacts> profile) {
        return profile.map(BcCapRegistrationPolicy::decide).orElse(new Decision(List.of(refusal("NO_PROFILE"))));
    }

    public static Decision decide(ApplicantFacts facts) {
        List<Refusal> refusals = new ArrayList<>();
        // A CMG's category says Canadian medical school; a final-year international student is recorded as an IMG.
        if (facts.category() != ApplicantCategory.IMG) refusals.add(refusal("NOT_INTERNATIONAL"));
        if (facts.citizenship() == Citizenship.OTHER) refusals.add(refusal("CITIZENSHIP"));
        return new Decision(refusals);
    }

    /** The text of each refusal says what to do, if anything can be done (ask the operator, fill in the profile). */
    private static Refusal refusal(String code) {
        return Refusal.of(code, "bccap.refused." + code);
    }
}
