package org.residencymatch.eligibility;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The partner lists of a cycle as one applicant sees them. A kind never given is "not received".
 * Immutable: the {@code with...} methods return a new view.
 */
public final class PartnerLists {

    private static final PartnerLists NONE_RECEIVED = new PartnerLists(new EnumMap<>(ListKind.class));

    /** Shared "not received" states, so that looking a list up on the hot path allocates nothing. */
    private static final ListState[] NOT_RECEIVED = Arrays.stream(ListKind.values())
            .map(ListState::notReceived)
            .toArray(ListState[]::new);

    private final EnumMap<ListKind, ListState> states;

    private PartnerLists(EnumMap<ListKind, ListState> states) {
        this.states = states;
    }

    /** No list received yet. */
    public static PartnerLists noneReceived() {
        return NONE_RECEIVED;
    }

    /** This view with one list's state replaced. */
    public PartnerLists with(ListState state) {
        Objects.requireNonNull(state, "state");
        EnumMap<ListKind, ListState> copy = new EnumMap<>(ListKind.class);
        copy.putAll(states);
        copy.put(state.kind(), state);
        return new PartnerLists(copy);
    }

    /** This view with {@code kind} received in {@code version}, the applicant on it. */
    public PartnerLists withMember(ListKind kind, int version) {
        return with(ListState.received(kind, version, ListMembership.of(version)));
    }

    /** This view with {@code kind} received in {@code version}, the applicant not on it. */
    public PartnerLists withNonMember(ListKind kind, int version) {
        return with(ListState.received(kind, version, null));
    }

    public ListState state(ListKind kind) {
        ListState state = states.get(kind);
        return state != null ? state : NOT_RECEIVED[kind.ordinal()];
    }

    /** The states of every list kind. */
    public Map<ListKind, ListState> states() {
        EnumMap<ListKind, ListState> all = new EnumMap<>(ListKind.class);
        for (ListKind kind : ListKind.values()) {
            all.put(kind, state(kind));
        }
        return all;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartnerLists lists && states().equals(lists.states());
    }

    @Override
    public int hashCode() {
        return states().hashCode();
    }

    @Override
    public String toString() {
        return "PartnerLists" + states();
    }
}
