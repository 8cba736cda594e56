package org.residencymatch.eligibility;

import java.util.List;
import java.util.Objects;

/**
 * A cycle's word on one fact: self-declared, or verified by one of {@code verifiedBy} under a
 * blocking or provisional policy, with the document that proves it (null when a third party confirms
 * it without one) and the reasons a rule resting on it gives while it is awaiting verification
 * ({@code unverified}: PENDING when blocking, a SELECTABLE condition when provisional) and once it is
 * refused ({@code refused}: NOT_ELIGIBLE).
 */
public record FactPolicy(ProfileFact fact, VerificationPolicy policy, List<Verifier> verifiedBy, DocumentKind document, Reason unverified,
        Reason refused) {

    public FactPolicy {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(policy, "policy");
        verifiedBy = List.copyOf(verifiedBy);
        if (policy == VerificationPolicy.SELF_DECLARED) {
            if (!verifiedBy.isEmpty() || document != null || unverified != null || refused != null) {
                throw new IllegalArgumentException("a self-declared fact has no verifier, document or reason");
            }
        } else {
            Objects.requireNonNull(unverified, "unverified");
            Objects.requireNonNull(refused, "refused");
            if (verifiedBy.isEmpty()) throw new IllegalArgumentException("a verified fact names who verifies it");
            Decision expected = policy == VerificationPolicy.BLOCKING ? Decision.PENDING : Decision.SELECTABLE;
            if (unverified.outcome() != expected || refused.outcome() != Decision.NOT_ELIGIBLE) {
                throw new IllegalArgumentException("the reasons of a " + policy + " fact are " + expected + " and NOT_ELIGIBLE");
            }
        }
    }

    /** A fact the applicant's word settles. */
    public static FactPolicy selfDeclared(ProfileFact fact) {
        return new FactPolicy(fact, VerificationPolicy.SELF_DECLARED, List.of(), null, null, null);
    }

    public boolean needsVerification() {
        return policy != VerificationPolicy.SELF_DECLARED;
    }

    /** The reason a rule resting on this fact gives, given its status; null when it gives none. */
    Reason reasonFor(FactStatus status) {
        if (!needsVerification()) return null;
        return switch (status.state()) {
            case VERIFIED -> null;
            case REFUSED -> refused;
            case AWAITING_VERIFICATION -> unverified;
        };
    }
}
