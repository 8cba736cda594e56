package org.residencymatch.eligibility;

import java.util.Objects;
import java.util.Optional;

/**
 * One partner list as an applicant sees it in a cycle: not received yet, or received in some version,
 * with the applicant's entry in that version if there is one.
 */
public record ListState(ListKind kind, boolean received, int version, ListMembership membership) {

    public ListState {
        Objects.requireNonNull(kind, "kind");
        if (!received && (version != 0 || membership != null)) {
            throw new IllegalArgumentException("a list that was not received has no version and no members");
        }
        if (received && version < 1) {
            throw new IllegalArgumentException("a received list has a version >= 1");
        }
        if (membership != null && membership.listVersion() != version) {
            throw new IllegalArgumentException("membership of list version " + membership.listVersion()
                    + " given for the current version " + version);
        }
    }

    public static ListState notReceived(ListKind kind) {
        return new ListState(kind, false, 0, null);
    }

    /** A received list; {@code membership} is null if the applicant is not on it. */
    public static ListState received(ListKind kind, int version, ListMembership membership) {
        return new ListState(kind, true, version, membership);
    }

    /** True if the list was received and the applicant is on its current version. */
    public boolean isMember() {
        return membership != null;
    }

    public Optional<ListMembership> entry() {
        return Optional.ofNullable(membership);
    }
}
