package org.residencymatch.eligibility;

import java.util.Objects;

/** The eligibility rules of one cycle, for both iterations. Immutable and thread-safe. */
public final class CycleEligibility {

    private final EligibilityRules firstIteration;
    private final EligibilityRules secondIteration;

    public CycleEligibility(EligibilityRules firstIteration, EligibilityRules secondIteration) {
        this.firstIteration = Objects.requireNonNull(firstIteration, "firstIteration");
        this.secondIteration = Objects.requireNonNull(secondIteration, "secondIteration");
        if (firstIteration.iteration() != 1 || secondIteration.iteration() != 2
                || !firstIteration.cycleId().equals(secondIteration.cycleId())) {
            throw new IllegalArgumentException("expected iterations 1 and 2 of one cycle, got "
                    + firstIteration.id() + " and " + secondIteration.id());
        }
    }

    /** Both iterations' rules of a cycle, from the classpath. */
    public static CycleEligibility fromClasspath(String cycleId) {
        return new CycleEligibility(
                EligibilityRulesLoader.fromClasspath(cycleId, 1), EligibilityRulesLoader.fromClasspath(cycleId, 2));
    }

    public String cycleId() {
        return firstIteration.cycleId();
    }

    /** The rules of iteration 1 or 2. */
    public EligibilityRules iteration(int iteration) {
        return switch (iteration) {
            case 1 -> firstIteration;
            case 2 -> secondIteration;
            default -> throw new IllegalArgumentException("iteration must be 1 or 2, not " + iteration);
        };
    }

    /** The decision for one applicant, stream and iteration. */
    public EligibilityDecision decide(ApplicantFacts applicant, StreamFacts stream, PartnerLists lists, int iteration) {
        return iteration(iteration).decide(applicant, stream, lists);
    }

    /** One applicant's decisions for a whole catalogue in an iteration. */
    public CatalogueDecisions decideCatalogue(
            ApplicantFacts applicant, StreamCatalogue catalogue, PartnerLists lists, int iteration) {
        return iteration(iteration).decideCatalogue(applicant, catalogue, lists);
    }
}
