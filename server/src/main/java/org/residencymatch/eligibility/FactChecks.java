package org.residencymatch.eligibility;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The verification status of each of an applicant's facts. A fact not recorded is awaiting
 * verification: nothing is taken as verified unless someone said so.
 */
public final class FactChecks {

    private static final FactChecks NONE = new FactChecks(new EnumMap<>(ProfileFact.class));

    private final Map<ProfileFact, FactStatus> statuses;

    private FactChecks(Map<ProfileFact, FactStatus> statuses) {
        this.statuses = statuses;
    }

    /** Nothing verified yet. */
    public static FactChecks none() {
        return NONE;
    }

    /** Every fact verified by the same party on one day (demo data and tests that state rules on settled facts). */
    public static FactChecks allVerified(Verifier verifier, String decidedBy, LocalDate on) {
        FactChecks checks = NONE;
        for (ProfileFact fact : ProfileFact.values()) checks = checks.with(fact, FactStatus.verified(verifier, decidedBy, on));
        return checks;
    }

    public static FactChecks of(Map<ProfileFact, FactStatus> statuses) {
        return new FactChecks(statuses.isEmpty() ? new EnumMap<>(ProfileFact.class) : new EnumMap<>(statuses));
    }

    public FactStatus status(ProfileFact fact) {
        return statuses.getOrDefault(fact, FactStatus.AWAITING);
    }

    public FactChecks with(ProfileFact fact, FactStatus status) {
        Map<ProfileFact, FactStatus> copy = new EnumMap<>(ProfileFact.class);
        copy.putAll(statuses);
        copy.put(fact, status);
        return new FactChecks(copy);
    }

    /** The statuses recorded, by fact. */
    public Map<ProfileFact, FactStatus> recorded() {
        return Map.copyOf(statuses);
    }

    /**
     * Whether a partner list settles the fact whatever its recorded status: a CMQ approval that BCI's
     * QIMG list states, with the contingent the applicant declares, is verified by that list.
     */
    public static boolean confirmedByList(ProfileFact fact, ApplicantFacts applicant, PartnerLists lists) {
        if (fact != ProfileFact.CMQ_APPROVAL) return false;
        CmqApproval listed = lists.state(ListKind.QIMG).entry().map(ListMembership::qimgContingent).orElse(null);
        return listed != null && listed == applicant.cmqApproval();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FactChecks checks && statuses.equals(checks.statuses);
    }

    @Override
    public int hashCode() {
        return statuses.hashCode();
    }

    @Override
    public String toString() {
        return "FactChecks" + statuses;
    }
}
