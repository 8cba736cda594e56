package org.residencymatch.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    /** The cycle's verification policy, one per fact. */
    private final Map<ProfileFact, FactPolicy> verification;

    EligibilityRules(RulesFileId id, LocalDate trainingStartDate, List<CompiledRule> rules, MatchFactReasons matchFacts,
            Map<ProfileFact, FactPolicy> verification) {
        this.id = Objects.requireNonNull(id, "id");
        this.verification = new EnumMap<>(verification);
        if (this.verification.size() != ProfileFact.values().length) {
            throw new IllegalArgumentException("the verification policy must name every fact, not only " + verification.keySet());
        }
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

    /**
     * The reason one rule gives an applicant, on any stream it applies to, or empty when the rules have no
     * such rule, it does not apply to the applicant or its requirement holds. For a policy that must agree
     * with a rule (reconciliation) rather than restate it.
     */
    Optional<Reason> reasonOf(String ruleId, ApplicantFacts applicant, PartnerLists lists) {
        return rules.stream().filter(rule -> rule.id.equals(ruleId)).findFirst().map(rule -> rule.evaluate(applicant, lists));
    }

    /** The cycle's policy for one fact. */
    public FactPolicy policy(ProfileFact fact) {
        return verification.get(fact);
    }

    /**
     * The decision for one applicant and one stream. When no rule closes the stream, each verifiable
     * fact the applicable rules rested on and that is not verified adds its reason, as the fact's
     * policy says: PENDING (blocking), a condition on a selectable stream (provisional), or
     * NOT_ELIGIBLE once refused.
     */
    public EligibilityDecision decide(ApplicantFacts applicant, StreamFacts stream, PartnerLists lists) {
        int[] applicable = rulesBySignature[StreamSignature.of(stream)];
        List<Reason> failing = new ArrayList<>(2);
        int consulted = 0;
        for (int index : applicable) {
            CompiledRule rule = rules.get(index);
            Reason reason = rule.evaluate(applicant, lists);
            if (reason != null) {
                failing.add(reason);
            }
            consulted |= rule.consulted(applicant);
        }
        return EligibilityDecision.of(withVerification(failing, consulted, applicant, lists));
    }

    /**
     * The rules' reasons, plus those of the unverified facts they rest on unless a rule already
     * closes the stream (not eligible, or apply elsewhere): verifying a fact as declared would not
     * open it, and the applicant is told what does.
     */
    private List<Reason> withVerification(List<Reason> failing, int consulted, ApplicantFacts applicant, PartnerLists lists) {
        if (consulted == 0) return failing;
        for (Reason reason : failing) {
            if (reason.outcome() == Decision.NOT_ELIGIBLE || reason.outcome() == Decision.APPLY_ELSEWHERE) return failing;
        }
        List<Reason> all = null;
        for (ProfileFact fact : ProfileFact.values()) {
            if ((consulted & CompiledRule.bit(fact)) == 0) continue;
            if (FactChecks.confirmedByList(fact, applicant, lists)) continue;
            Reason reason = verification.get(fact).reasonFor(applicant.checks().status(fact));
            if (reason == null) continue;
            if (all == null) all = new ArrayList<>(failing);
            all.add(reason);
        }
        return all == null ? failing : all;
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
        int[] consultedByRule = new int[rules.size()];
        for (int index = 0; index < reasonByRule.length; index++) {
            reasonByRule[index] = rules.get(index).evaluate(applicant, lists);
            consultedByRule[index] = rules.get(index).consulted(applicant);
        }
        EligibilityDecision[] bySignature = new EligibilityDecision[StreamSignature.COUNT];
        for (int signature : catalogue.distinctSignatures()) {
            bySignature[signature] = combine(reasonByRule, consultedByRule, rulesBySignature[signature], applicant, lists);
        }
        return new CatalogueDecisions(catalogue, bySignature);
    }

    private EligibilityDecision combine(Reason[] reasonByRule, int[] consultedByRule, int[] applicable, ApplicantFacts applicant,
            PartnerLists lists) {
        List<Reason> failing = new ArrayList<>(2);
        int consulted = 0;
        for (int index : applicable) {
            Reason reason = reasonByRule[index];
            if (reason != null) {
                failing.add(reason);
            }
            consulted |= consultedByRule[index];
        }
        return EligibilityDecision.of(withVerification(failing, consulted, applicant, lists));
    }

    @Override
    public String toString() {
        return "EligibilityRules[" + id + ", " + rules.size() + " rules]";
    }
}
