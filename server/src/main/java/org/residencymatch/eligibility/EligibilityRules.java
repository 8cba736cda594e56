package org.residencymatch.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The compiled rules of one cycle and iteration: the eligibility policy. Immutable and thread-safe;
 * pure (it reads nothing but its arguments). Obtain one from {@link RulesFileParser} or
 * {@link EligibilityRulesLoader}.
 *
 * <p>Rules are indexed by stream signature on load, and each rule is evaluated once per applicant
 * whatever the number of streams, so a whole catalogue costs about as much as a few dozen streams.
 *
 * <pre>{@code
 * EligibilityRules rules = EligibilityRulesLoader.fromClasspath("2025-R1", 1);
 * EligibilityDecision one = rules.decide(applicant, stream, lists);
 * CatalogueDecisions all = rules.decideCatalogue(applicant, catalogue, lists);
 * }</pre>
 */
public final class EligibilityRules {

    private final RulesFileId id;
    private final LocalDate trainingStartDate;
    /** Sorted by id, so that nothing depends on the order of the rules file. */
    private final List<CompiledRule> rules;
    /** For each stream signature, the indexes into {@link #rules} of the rules that apply to it. */
    private final int[][] rulesBySignature;

    private final MatchFactReasons matchFacts;

    EligibilityRules(RulesFileId id, LocalDate trainingStartDate, List<CompiledRule> rules, MatchFactReasons matchFacts) {
        this.id = Objects.requireNonNull(id, "id");
        this.matchFacts = Objects.requireNonNull(matchFacts, "matchFacts");
        this.trainingStartDate = Objects.requireNonNull(trainingStartDate, "trainingStartDate");
        List<CompiledRule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(rule -> rule.id));
        this.rules = List.copyOf(sorted);
        this.rulesBySignature = new int[StreamSignature.COUNT][];
        for (int signature = 0; signature < StreamSignature.COUNT; signature++) {
            int finalSignature = signature;
            rulesBySignature[signature] = IntStream.range(0, this.rules.size())
                    .filter(index -> this.rules.get(index).streams.matches(finalSignature))
                    .toArray();
        }
    }

    /** Which file these rules come from. */
    public RulesFileId id() {
        return id;
    }

    public String cycleId() {
        return id.cycleId();
    }

    public int iteration() {
        return id.iteration();
    }

    /** The training start date the file gives (the MD deadline and the recency reference). */
    public LocalDate trainingStartDate() {
        return trainingStartDate;
    }

    /** The ids of the rules, sorted. */
    public List<String> ruleIds() {
        return rules.stream().map(rule -> rule.id).toList();
    }

    /** The decision for one applicant and one stream. */
    public EligibilityDecision decide(ApplicantFacts applicant, StreamFacts stream, PartnerLists lists) {
        int[] applicable = rulesBySignature[StreamSignature.of(stream)];
        List<Reason> failing = new ArrayList<>(2);
        for (int index : applicable) {
            Reason reason = rules.get(index).evaluate(applicant, lists);
            if (reason != null) {
                failing.add(reason);
            }
        }
        return EligibilityDecision.of(failing);
    }

    /**
     * A decision of these rules once the match's own facts are counted: what earlier iterations decided
     * about the applicant, and the positions the stream has left in this iteration (see {@link
     * MatchFactReasons#apply}). Pure, like the rules.
     */
    public EligibilityDecision withMatchFacts(EligibilityDecision byRules, IterationStanding standing, Positions positions) {
        if (standing.status() != IterationStanding.Status.FREE && standing.earlierIteration() >= iteration()) {
            throw new IllegalArgumentException("iteration " + iteration() + " cannot depend on iteration " + standing.earlierIteration());
        }
        return matchFacts.apply(byRules, standing, positions);
    }

    /** The decisions for one applicant and every stream of a catalogue. */
    public CatalogueDecisions decideCatalogue(ApplicantFacts applicant, StreamCatalogue catalogue, PartnerLists lists) {
        // A rule's outcome depends only on the applicant and the lists: evaluate each rule once.
        Reason[] reasonByRule = new Reason[rules.size()];
        for (int index = 0; index < reasonByRule.length; index++) {
            reasonByRule[index] = rules.get(index).evaluate(applicant, lists);
        }
        EligibilityDecision[] bySignature = new EligibilityDecision[StreamSignature.COUNT];
        for (int signature : catalogue.distinctSignatures()) {
            bySignature[signature] = combine(reasonByRule, rulesBySignature[signature]);
        }
        return new CatalogueDecisions(catalogue, bySignature);
    }

    private static EligibilityDecision combine(Reason[] reasonByRule, int[] applicable) {
        List<Reason> failing = null;
        for (int index : applicable) {
            Reason reason = reasonByRule[index];
            if (reason != null) {
                if (failing == null) {
                    failing = new ArrayList<>(2);
                }
                failing.add(reason);
            }
        }
        return failing == null ? EligibilityDecision.SELECTABLE : EligibilityDecision.of(failing);
    }

    @Override
    public String toString() {
        return "EligibilityRules[" + id + ", " + rules.size() + " rules]";
    }
}
