package org.residencymatch.eligibility;

import java.util.List;
import java.util.Set;

/**
 * One rule of a rules file, ready to evaluate. A rule applies to an applicant on a stream when the
 * stream matches its selector, the applicant's category is one of its categories and all its guards
 * hold; it then fails when its requirement does not hold. A list requirement fails with the rule's
 * reason when the list was received without the applicant, and with a PENDING "list not received"
 * reason when it was not received.
 */
final class CompiledRule {

    final String id;
    final StreamSelector streams;
    private final Set<ApplicantCategory> categories;
    private final List<ApplicantCondition> guards;
    /** The requirement when it is about the applicant's facts; null for a list requirement. */
    private final ApplicantCondition requirement;
    /** The list the applicant must be on; null for an applicant requirement. */
    private final ListKind requiredList;
    /** The reason when the requirement fails (for a list rule, its provenance lacks the version). */
    private final Reason failure;
    /** The reason when the required list has not been received; null for an applicant rule. */
    private final Reason listNotReceived;

    private CompiledRule(
            String id,
            StreamSelector streams,
            Set<ApplicantCategory> categories,
            List<ApplicantCondition> guards,
            ApplicantCondition requirement,
            ListKind requiredList,
            Reason failure,
            Reason listNotReceived) {
        this.id = id;
        this.streams = streams;
        this.categories = Set.copyOf(categories);
        this.guards = List.copyOf(guards);
        this.requirement = requirement;
        this.requiredList = requiredList;
        this.failure = failure;
        this.listNotReceived = listNotReceived;
    }

    static CompiledRule requiring(
            String id,
            StreamSelector streams,
            Set<ApplicantCategory> categories,
            List<ApplicantCondition> guards,
            ApplicantCondition requirement,
            Reason failure) {
        return new CompiledRule(id, streams, categories, guards, requirement, null, failure, null);
    }

    static CompiledRule requiringList(
            String id,
            StreamSelector streams,
            Set<ApplicantCategory> categories,
            List<ApplicantCondition> guards,
            ListKind list,
            Reason failure,
            Reason listNotReceived) {
        return new CompiledRule(id, streams, categories, guards, null, list, failure, listNotReceived);
    }

    /**
     * The verifiable facts this rule reads for this applicant, as bits ({@code 1 << fact.ordinal()}), in
     * the order {@link #evaluate} reads them: the category when the rule names categories, then each
     * guard up to the first that does not hold, then the requirement. The rule's outcome rests on
     * exactly these facts.
     */
    int consulted(ApplicantFacts applicant) {
        int facts = 0;
        if (!categories.isEmpty()) {
            facts |= bit(ProfileFact.CATEGORY);
            if (!categories.contains(applicant.category())) return facts;
        }
        for (ApplicantCondition guard : guards) {
            facts |= bit(guard.fact());
            if (!guard.holds(applicant)) return facts;
        }
        return requirement == null ? facts : facts | bit(requirement.fact());
    }

    static int bit(ProfileFact fact) {
        return fact == null ? 0 : 1 << fact.ordinal();
    }

    /**
     * The reason this rule gives for the applicant on any stream it applies to, or null if it does
     * not apply to the applicant or its requirement holds.
     */
    Reason evaluate(ApplicantFacts applicant, PartnerLists lists) {
        if (!categories.isEmpty() && !categories.contains(applicant.category())) {
            return null;
        }
        for (ApplicantCondition guard : guards) {
            if (!guard.holds(applicant)) {
                return null;
            }
        }
        if (requirement != null) {
            return requirement.holds(applicant) ? null : failure;
        }
        ListState list = lists.state(requiredList);
        if (!list.received()) {
            return listNotReceived;
        }
        if (list.isMember()) {
            return null;
        }
        return new Reason(
                failure.code(),
                failure.outcome(),
                failure.message(),
                failure.nextStep(),
                new Provenance(id, failure.provenance().rules(), requiredList, list.version()));
    }
}
