package org.residencymatch.application;

import java.util.Optional;

/**
 * When a partner's save of the couple's shared list is told to the other partner. A submission always
 * is: it changes the list the match uses for both. A draft is told when it starts (over a submission or
 * nothing) or when it takes over the other partner's draft; further saves of one's own draft are not,
 * since dragging saves at every drop and would send an email each time.
 */
public final class PartnerNoticePolicy {

    /** What the partner is told, and why (for tests and the audit of a decision). */
    public record Notice(Kind kind, String reason) {
    }

    public enum Kind {
        SUBMITTED, CHANGED
    }

    private PartnerNoticePolicy() {
    }

    /** {@code before} is the newest version before this save, {@code actor} who saves now. */
    public static Optional<Notice> decide(Optional<RankList> before, boolean submit, String actor) {
        if (submit) return Optional.of(new Notice(Kind.SUBMITTED, "a submission replaces the list in force for both partners"));
        if (before.isEmpty() || before.get().submitted()) {
            return Optional.of(new Notice(Kind.CHANGED, "a draft now differs from what the partner last saw in force"));
        }
        if (!actor.equals(before.get().savedBy())) {
            return Optional.of(new Notice(Kind.CHANGED, "the draft the partner saved last was changed by the other"));
        }
        return Optional.empty();
    }
}
