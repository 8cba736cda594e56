package org.residencymatch.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The reasons that come from the match itself rather than from an applicant's profile or a partner
 * list, with their texts from the rules file's {@code matchFacts} section: a stream with no position
 * left in the iteration, an applicant already matched in an earlier iteration, and an applicant whose
 * rank order list is still in force in an earlier iteration whose results are not out. Immutable.
 */
final class MatchFactReasons {

    /** The placeholders of {@code matchedInEarlierIteration}'s texts. */
    static final String STREAM = "{stream}";
    static final String ITERATION = "{iteration}";

    private final Reason noPositionsLeft;
    /** {@code null} in the first iteration, which has no earlier one. */
    private final Reason matchedInEarlierIteration;
    private final Reason inEarlierIteration;

    MatchFactReasons(Reason noPositionsLeft, Reason matchedInEarlierIteration, Reason inEarlierIteration) {
        this.noPositionsLeft = Objects.requireNonNull(noPositionsLeft, "noPositionsLeft");
        if ((matchedInEarlierIteration == null) != (inEarlierIteration == null)) {
            throw new IllegalArgumentException("an iteration with an earlier one explains both what it matched and who is still in it");
        }
        this.matchedInEarlierIteration = matchedInEarlierIteration;
        this.inEarlierIteration = inEarlierIteration;
    }

    /**
     * The decision once the match's facts are counted. A match in an earlier iteration binds the
     * applicant: it is then the one reason for every stream, since nothing else they could change
     * would open one. An applicant still in an earlier iteration waits for its results (pending).
     * A stream with no position left cannot be selected, whoever asks.
     */
    EligibilityDecision apply(EligibilityDecision byRules, IterationStanding standing, Positions positions) {
        if (standing.status() == IterationStanding.Status.MATCHED_EARLIER) {
            return EligibilityDecision.of(List.of(matched(standing)));
        }
        List<Reason> added = new ArrayList<>(2);
        if (standing.status() == IterationStanding.Status.IN_EARLIER_ITERATION) added.add(requireEarlier(inEarlierIteration, standing));
        if (positions.noneLeft()) added.add(noPositionsLeft);
        if (added.isEmpty()) return byRules;
        added.addAll(byRules.reasons());
        return EligibilityDecision.of(added);
    }

    private Reason matched(IterationStanding standing) {
        Reason template = requireEarlier(matchedInEarlierIteration, standing);
        String iteration = String.valueOf(standing.earlierIteration());
        return new Reason(template.code(), template.outcome(),
                fill(template.message(), standing.matchedStream(), iteration),
                new NextStep(fill(template.nextStep().action(), standing.matchedStream(), iteration), template.nextStep().contact()),
                template.provenance());
    }

    private static Reason requireEarlier(Reason reason, IterationStanding standing) {
        if (reason == null) throw new IllegalArgumentException("the first iteration has no earlier iteration: " + standing);
        return reason;
    }

    private static LocalizedText fill(LocalizedText text, LocalizedText stream, String iteration) {
        return new LocalizedText(
                text.en().replace(STREAM, stream.en()).replace(ITERATION, iteration),
                text.fr().replace(STREAM, stream.fr()).replace(ITERATION, iteration));
    }
}
