package org.residencymatch.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.eligibility.ListMembership;
import org.residencymatch.eligibility.ListState;
import org.residencymatch.eligibility.PartnerLists;

/**
 * One list going from one version to the next: a version just committed, or the one an upload would
 * make (its preview). {@code oldVersion} is 0 when the list had none.
 *
 * @param before the members of {@code oldVersion}, by applicant id
 * @param after the members of {@code newVersion}, by applicant id
 */
public record VersionChange(String cycleId, ListKind kind, int oldVersion, int newVersion, Map<String, ListMember> before,
        Map<String, ListMember> after) {

    /** Who the change adds to, removes from and changes on the list, each sorted. */
    public record Diff(List<String> added, List<String> removed, List<String> changed) {
    }

    /** One field of a member's entry that the change alters: {@code field} is the list column, values as stored (null: empty). */
    public record FieldChange(ListColumn field, Object before, Object after) {
    }

    /** What changes in one member's entry (the applicant stays on the list). */
    public record MemberChange(String applicantId, List<FieldChange> fields) {
    }

    /** For each member whose entry changes, sorted by applicant id, the fields that change, old and new. */
    public List<MemberChange> memberChanges() {
        List<MemberChange> changes = new ArrayList<>();
        for (String id : diff().changed()) {
            ListMember old = before.get(id), now = after.get(id);
            List<FieldChange> fields = new ArrayList<>();
            if (!java.util.Objects.equals(old.contingent(), now.contingent())) {
                fields.add(new FieldChange(ListColumn.CONTINGENT, old.contingent(), now.contingent()));
            }
            if (!java.util.Objects.equals(old.mmiScore(), now.mmiScore()))
                fields.add(new FieldChange(ListColumn.MMI_SCORE, old.mmiScore(), now.mmiScore()));
            if (!java.util.Objects.equals(old.assessmentOutcome(), now.assessmentOutcome())) {
                fields.add(new FieldChange(ListColumn.ASSESSMENT_OUTCOME, old.assessmentOutcome(), now.assessmentOutcome()));
            }
            changes.add(new MemberChange(id, List.copyOf(fields)));
        }
        return changes;
    }

    public Diff diff() {
        List<String> added = new ArrayList<>(), removed = new ArrayList<>(), changed = new ArrayList<>();
        for (var e : after.entrySet()) {
            ListMember old = before.get(e.getKey());
            if (old == null) added.add(e.getKey());
            else if (!old.equals(e.getValue())) changed.add(e.getKey());
        }
        for (String id : before.keySet()) if (!after.containsKey(id)) removed.add(id);
        added.sort(null);
        removed.sort(null);
        changed.sort(null);
        return new Diff(added, removed, changed);
    }

    /**
     * The applicants the change can affect, sorted: added, removed, and those whose entry changes (a
     * CMQ contingent, an MMI score, an assessment outcome), since eligibility and reconciliation read
     * the entry as well as the membership. Both the preview's count of catalogue changes and the
     * effects of a committed version start from this one set.
     */
    public SortedSet<String> affected() {
        Diff diff = diff();
        SortedSet<String> affected = new TreeSet<>(diff.added());
        affected.addAll(diff.removed());
        affected.addAll(diff.changed());
        return affected;
    }

    /** The lists as the applicant sees them before the change: {@code lists} (the cycle's others) with this one at {@code oldVersion}. */
    public PartnerLists before(ListsSnapshot lists, String applicantId) {
        return view(lists, applicantId, oldVersion, before.get(applicantId));
    }

    /** The lists as the applicant sees them after the change: {@code lists} (the cycle's others) with this one at {@code newVersion}. */
    public PartnerLists after(ListsSnapshot lists, String applicantId) {
        return view(lists, applicantId, newVersion, after.get(applicantId));
    }

    private PartnerLists view(ListsSnapshot lists, String applicantId, int version, ListMember member) {
        PartnerLists others = lists.forApplicant(applicantId);
        if (version == 0) return others.with(ListState.notReceived(kind));
        ListMembership entry = member == null
                ? null
                : new ListMembership(version, member.contingent(), member.mmiScore(), member.assessmentOutcome());
        return others.with(ListState.received(kind, version, entry));
    }
}
