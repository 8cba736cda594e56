package org.residencymatch.eligibility;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where the verification of one of an applicant's facts stands: awaiting verification (nothing
 * decided yet, or the applicant changed it since), verified by someone on a date, or refused with a
 * reason in both languages.
 *
 * @param verifier who decided (null while awaiting)
 * @param decidedBy the deciding party's name as shown to the applicant (a faculty, a list, "the match
 *     operator"); null while awaiting
 * @param decidedOn when it was decided; null while awaiting
 * @param refusal why it was refused; only for a refusal
 */
public record FactStatus(State state, Verifier verifier, String decidedBy, LocalDate decidedOn, LocalizedText refusal) {

    public enum State {
        AWAITING_VERIFICATION, VERIFIED, REFUSED
    }

    public static final FactStatus AWAITING = new FactStatus(State.AWAITING_VERIFICATION, null, null, null, null);

    public FactStatus {
        Objects.requireNonNull(state, "state");
        boolean decided = state != State.AWAITING_VERIFICATION;
        if (decided != (verifier != null) || decided != (decidedOn != null) || decided != (decidedBy != null)) {
            throw new IllegalArgumentException("a decided fact, and only one, names who decided it and when");
        }
        if ((state == State.REFUSED) != (refusal != null)) {
            throw new IllegalArgumentException("a refusal, and only a refusal, carries its reason");
        }
    }

    public static FactStatus verified(Verifier verifier, String decidedBy, LocalDate on) {
        return new FactStatus(State.VERIFIED, verifier, decidedBy, on, null);
    }

    public static FactStatus refused(Verifier verifier, String decidedBy, LocalDate on, LocalizedText reason) {
        return new FactStatus(State.REFUSED, verifier, decidedBy, on, reason);
    }

    public boolean isVerified() {
        return state == State.VERIFIED;
    }
}
