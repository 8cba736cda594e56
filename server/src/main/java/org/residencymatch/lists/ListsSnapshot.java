package org.residencymatch.lists;

import java.util.EnumMap;
import java.util.Map;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.eligibility.ListMembership;
import org.residencymatch.eligibility.ListState;
import org.residencymatch.eligibility.PartnerLists;

/**
 * The current version of every partner list of a cycle, read once, from which each applicant's view
 * ({@link PartnerLists}) is derived without further queries.
 */
public final class ListsSnapshot {

    private final Map<ListKind, Integer> currentVersions;
    private final Map<ListKind, Map<String, ListMember>> members;
    private final PartnerLists nobodysView;

    ListsSnapshot(Map<ListKind, Integer> currentVersions, Map<ListKind, Map<String, ListMember>> members) {
        this.currentVersions = new EnumMap<>(currentVersions);
        this.members = members;
        PartnerLists view = PartnerLists.noneReceived();
        for (var e : currentVersions.entrySet()) view = view.withNonMember(e.getKey(), e.getValue());
        this.nobodysView = view;
    }

    /** The lists as this applicant sees them: which are received, in which version, and whether they are on them. */
    public PartnerLists forApplicant(String applicantId) {
        PartnerLists view = nobodysView;
        for (var e : currentVersions.entrySet()) {
            ListMember member = members.getOrDefault(e.getKey(), Map.of()).get(applicantId);
            if (member != null) {
                int version = e.getValue();
                view = view.with(ListState.received(e.getKey(), version,
                        new ListMembership(version, member.contingent(), member.mmiScore(), member.assessmentOutcome())));
            }
        }
        return view;
    }

    /** The current version of a list, or 0 if none has been received. */
    public int currentVersion(ListKind kind) {
        return currentVersions.getOrDefault(kind, 0);
    }

    /** How many applicants the current version of a list holds. */
    public int size(ListKind kind) {
        return members.getOrDefault(kind, Map.of()).size();
    }
}
