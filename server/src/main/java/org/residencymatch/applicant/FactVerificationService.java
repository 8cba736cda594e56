package org.residencymatch.applicant;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.NotFoundException;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.EligibilityRules;
import org.residencymatch.eligibility.FactChecks;
import org.residencymatch.eligibility.FactPolicy;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.eligibility.PartnerLists;
import org.residencymatch.eligibility.FactStatus;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.eligibility.Verifier;
import org.residencymatch.lists.ListRepository;
import org.residencymatch.notification.Email;
import org.residencymatch.notification.EmailKind;
import org.residencymatch.notification.Outbox;

/**
 * Records who verified or refused an applicant's fact. One transaction holds the decision, its audit
 * row, the notification to the applicant (outbox) and the re-check of their applications, so their
 * catalogue changes at once: a refusal flags the applications that rested on the fact (never removes
 * them) and the flag keeps them out of the match.
 */
public final class FactVerificationService {

    /** The verification decision: the fact verified as declared, or refused with a reason in both languages. */
    public record FactDecision(boolean accepted, Verifier verifier, String decidedBy, LocalizedText refusal) {
        public FactDecision {
            Objects.requireNonNull(verifier, "verifier");
            Objects.requireNonNull(decidedBy, "decidedBy");
            if (decidedBy.isBlank() || decidedBy.length() > 200) throw new IllegalArgumentException("decidedBy: 1 to 200 characters");
            if (accepted != (refusal == null)) throw new IllegalArgumentException("a refusal, and only a refusal, gives its reason");
            if (refusal != null && (refusal.en().length() > 1000 || refusal.fr().length() > 1000)) {
                throw new IllegalArgumentException("reason: at most 1000 characters in each language");
            }
        }

        public static FactDecision accepted(Verifier verifier, String decidedBy) {
            return new FactDecision(true, verifier, decidedBy, null);
        }

        public static FactDecision refused(Verifier verifier, String decidedBy, LocalizedText reason) {
            return new FactDecision(false, verifier, decidedBy, reason);
        }
    }

    /** The verifier may not decide this fact in this cycle, or the cycle does not verify it at all. */
    public static final class NotAVerifierException extends RuntimeException {
        NotAVerifierException(String message) {
            super(message);
        }
    }

    /**
     * One fact of an applicant's profile as the profile page and the API show it: the cycle's policy
     * and where its verification stands.
     *
     * @param state {@code DECLARED} (self-declared: the applicant's word settles it), {@code
     *     AWAITING_VERIFICATION}, {@code VERIFIED} or {@code REFUSED}
     * @param status the recorded status
     * @param qimgVersion the version of BCI's QIMG list that confirms the fact (a CMQ approval it states), or null
     */
    public record FactLine(ProfileFact fact, FactPolicy policy, String state, FactStatus status, Integer qimgVersion) {
    }

    /** A fact awaiting verification, for the verifiers' queue: whose, which, as declared, since when. */
    public record Awaiting(String applicantId, ProfileFact fact, String declared, LocalDateTime declaredAt, FactPolicy policy) {
    }

    private final Jdbi jdbi;
    private final ApplicantRepository applicants;
    private final ListRepository lists;
    private final Function<String, EligibilityRules> rulesOfCycle;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ProfileService.ProfileChangeListener listener;

    /**
     * @param rulesOfCycle the first iteration's rules of a cycle, whose verification policy says who verifies what
     * @param listener re-checks the applicant's applications in the decision's transaction
     */
    public FactVerificationService(Jdbi jdbi, ApplicantRepository applicants, ListRepository lists,
            Function<String, EligibilityRules> rulesOfCycle,
            Outbox outbox, AuditLog auditLog, Clock clock, ProfileService.ProfileChangeListener listener) {
        this.jdbi = jdbi;
        this.applicants = applicants;
        this.lists = lists;
        this.rulesOfCycle = rulesOfCycle;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.clock = clock;
        this.listener = listener;
    }

    /** Each fact the rules read, in {@link ProfileFact} order, with its policy and status; empty when the applicant has no profile. */
    public List<FactLine> lines(String cycleId, String applicantId) {
        EligibilityRules rules = rulesOfCycle.apply(cycleId);
        return jdbi.withHandle(h -> applicants.findProfile(h, cycleId, applicantId).map(profile -> {
            PartnerLists partnerLists = lists.forApplicant(h, cycleId, applicantId);
            List<FactLine> lines = new ArrayList<>();
            for (ProfileFact fact : ProfileFact.values()) {
                FactPolicy policy = rules.policy(fact);
                FactStatus status = profile.checks().status(fact);
                if (!policy.needsVerification()) {
                    lines.add(new FactLine(fact, policy, "DECLARED", status, null));
                } else if (!status.isVerified() && FactChecks.confirmedByList(fact, profile, partnerLists)) {
                    lines.add(new FactLine(fact, policy, "VERIFIED", status, partnerLists.state(ListKind.QIMG).version()));
                } else {
                    lines.add(new FactLine(fact, policy, status.state().name(), status, null));
                }
            }
            return lines;
        }).orElse(List.of()));
    }

    /**
     * The verifiers' queue: every fact of the cycle's profiles that the cycle verifies and that awaits
     * verification (no decision yet, no partner list confirming it), the oldest declaration first, at
     * most {@code limit}.
     */
    public List<Awaiting> queue(String cycleId, int limit) {
        EligibilityRules rules = rulesOfCycle.apply(cycleId);
        return jdbi.withHandle(h -> {
            Map<String, LocalDateTime> declaredAt = applicants.declaredAt(h, cycleId);
            List<Awaiting> awaiting = new ArrayList<>();
            for (ApplicantFacts profile : applicants.allProfiles(h, cycleId)) {
                PartnerLists partnerLists = null;
                for (ProfileFact fact : ProfileFact.values()) {
                    FactPolicy policy = rules.policy(fact);
                    if (!policy.needsVerification() || profile.checks().status(fact).state() != FactStatus.State.AWAITING_VERIFICATION)
                        continue;
                    if (fact == ProfileFact.CMQ_APPROVAL) {
                        if (partnerLists == null) partnerLists = lists.forApplicant(h, cycleId, profile.applicantId());
                        if (FactChecks.confirmedByList(fact, profile, partnerLists)) continue;
                    }
                    awaiting.add(new Awaiting(profile.applicantId(), fact, String.valueOf(fact.valueIn(profile)),
                            declaredAt.get(profile.applicantId()), policy));
                }
            }
            awaiting.sort(Comparator.comparing(Awaiting::declaredAt).thenComparing(Awaiting::applicantId).thenComparing(Awaiting::fact));
            return List.copyOf(awaiting.subList(0, Math.min(limit, awaiting.size())));
        });
    }

    /**
     * Verifies or refuses one fact of an applicant's profile as it stands. The verifier must be one
     * the cycle names for the fact.
     *
     * @throws NotFoundException when the applicant has no profile in the cycle
     * @throws NotAVerifierException when the cycle does not let this verifier decide the fact
     */
    public FactStatus decide(String cycleId, String applicantId, ProfileFact fact, FactDecision decision, String actor) {
        requireVerifier(cycleId, fact, decision.verifier());
        return jdbi.inTransaction(h -> {
            FactStatus status = record(h, cycleId, applicantId, fact, decision, actor);
            outbox.enqueue(h, applicantId, decision.accepted() ? "FACT_VERIFIED" : "FACT_REFUSED",
                    decision.accepted() ? "notification.factVerified" : "notification.factRefused", fact.name());
            emailDecision(h, applicantId, decision, decision.accepted() ? EmailKind.FACT_VERIFIED : EmailKind.FACT_REFUSED,
                    "factKey", "profile.check." + fact.field, clock);
            listener.changed(h, cycleId, applicantId);
            return status;
        });
    }

    /**
     * Emails the applicant, when they have an address, that a fact or a document of theirs was decided: which
     * (a message key), with the refusal's reason in their language, and a link to their profile.
     */
    static void emailDecision(org.jdbi.v3.core.Handle h, String applicantId, FactDecision decision, EmailKind kind, String what, String key,
            Clock clock) {
        Outbox.addressOf(h, applicantId).ifPresent(to -> {
            Email email = Email.of(kind, "/applicant/profile", what, key);
            if (!decision.accepted()) {
                String reason = decision.refusal() == null
                        ? null
                        : "fr".equals(to.language()) ? decision.refusal().fr() : decision.refusal().en();
                if (reason != null && !reason.isBlank()) email = email.with(EmailKind.Paragraph.REASON, "reason", reason);
            }
            Outbox.enqueueEmail(h, to.email(), email, to.language(), LocalDateTime.now(clock));
        });
    }

    /** The cycle's policy on the fact, if this verifier may decide it; otherwise {@link NotAVerifierException}. */
    FactPolicy requireVerifier(String cycleId, ProfileFact fact, Verifier verifier) {
        FactPolicy policy = rulesOfCycle.apply(cycleId).policy(fact);
        if (!policy.needsVerification()) {
            throw new NotAVerifierException(fact.field + " is self-declared in " + cycleId + ": nobody verifies it");
        }
        if (!policy.verifiedBy().contains(verifier)) {
            throw new NotAVerifierException(fact.field + " is verified in " + cycleId + " by " + policy.verifiedBy() + ", not " + verifier);
        }
        return policy;
    }

    /** The facts that a document of this kind proves in the cycle and that the operator verifies from it, in {@link ProfileFact} order. */
    List<ProfileFact> provenBy(String cycleId, org.residencymatch.eligibility.DocumentKind kind) {
        return provenBy(cycleId, kind, Verifier.OPERATOR);
    }

    /** The facts that a document of this kind proves in the cycle and that this verifier decides, in {@link ProfileFact} order. */
    List<ProfileFact> provenBy(String cycleId, org.residencymatch.eligibility.DocumentKind kind, Verifier verifier) {
        EligibilityRules rules = rulesOfCycle.apply(cycleId);
        List<ProfileFact> facts = new ArrayList<>();
        for (ProfileFact fact : ProfileFact.values()) {
            FactPolicy policy = rules.policy(fact);
            if (policy.needsVerification() && policy.document() == kind && policy.verifiedBy().contains(verifier)) facts.add(fact);
        }
        return facts;
    }

    /**
     * Records the decision on one fact and its audit row, in the caller's transaction; the caller
     * notifies the applicant and re-checks their applications ({@link #recheck}).
     */
    FactStatus record(org.jdbi.v3.core.Handle h, String cycleId, String applicantId, ProfileFact fact, FactDecision decision,
            String actor) {
        ApplicantFacts profile = applicants.findProfile(h, cycleId, applicantId)
                .orElseThrow(() -> new NotFoundException("applicant", applicantId));
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        FactStatus status = decision.accepted()
                ? FactStatus.verified(decision.verifier(), decision.decidedBy(), today)
                : FactStatus.refused(decision.verifier(), decision.decidedBy(), today, decision.refusal());
        applicants.saveCheck(h, cycleId, profile.applicantId(), fact, status, actor, now);
        // No personal data in the audit details: the fact and the outcome, not the refusal's words.
        auditLog.record(h, actor, decision.accepted() ? "applicant.fact.verified" : "applicant.fact.refused", "applicant:" + applicantId,
                "cycle " + cycleId + ": " + fact + " by " + decision.verifier());
        return status;
    }

    /** Re-checks the applicant's applications after decisions, in the caller's transaction, so the catalogue changes at once. */
    void recheck(org.jdbi.v3.core.Handle h, String cycleId, String applicantId) {
        listener.changed(h, cycleId, applicantId);
    }
}
