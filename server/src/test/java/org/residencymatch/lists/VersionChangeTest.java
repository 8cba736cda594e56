package org.residencymatch.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.residencymatch.eligibility.CmqApproval;
import org.residencymatch.eligibility.ListKind;

/** Who a list's new version affects, and how each applicant sees the lists on either side of it. */
class VersionChangeTest {

    private static final ListMember REGULIER = new ListMember("A-1", CmqApproval.REGULIER, null, null);
    private static final ListMember PARTICULIER = new ListMember("A-1", CmqApproval.PARTICULIER, null, null);

    @Test
    void anApplicantWhoseEntryAloneChangesIsAffectedAndSeesEachVersionsEntry() {
        var change = new VersionChange("2025-R1", ListKind.QIMG, 2, 3, Map.of("A-1", PARTICULIER, "A-2", ListMember.of("A-2"), "A-3",
                ListMember.of("A-3")), Map.of("A-1", REGULIER, "A-2", ListMember.of("A-2"), "A-4", ListMember.of("A-4")));

        assertThat(change.diff())
                .isEqualTo(new VersionChange.Diff(java.util.List.of("A-4"), java.util.List.of("A-3"), java.util.List.of("A-1")));
        // A-2's entry is the same in both versions: nothing of theirs can change.
        assertThat(change.affected()).containsExactly("A-1", "A-3", "A-4");
        ListsSnapshot others = new ListsSnapshot(new EnumMap<>(Map.of(ListKind.AIMG, 1)), new EnumMap<>(Map.of(ListKind.AIMG, Map.of("A-1",
                ListMember.of("A-1")))));
        var before = change.before(others, "A-1").state(ListKind.QIMG);
        var after = change.after(others, "A-1").state(ListKind.QIMG);
        assertThat(before.version()).isEqualTo(2);
        assertThat(before.membership().qimgContingent()).isEqualTo(CmqApproval.PARTICULIER);
        assertThat(after.version()).isEqualTo(3);
        assertThat(after.membership().qimgContingent()).isEqualTo(CmqApproval.REGULIER);
        assertThat(change.after(others, "A-1").state(ListKind.AIMG).isMember()).as("the other lists as they are").isTrue();
        assertThat(change.after(others, "A-3").state(ListKind.QIMG).isMember()).isFalse();
    }

    @Test
    void aListsFirstVersionChangesItFromNotReceived() {
        var change = new VersionChange("2025-R1", ListKind.BCIMG, 0, 1, Map.of(), Map.of("A-1", ListMember.of("A-1")));
        ListsSnapshot none = new ListsSnapshot(new EnumMap<>(ListKind.class), new EnumMap<>(ListKind.class));

        assertThat(change.before(none, "A-2").state(ListKind.BCIMG).received()).isFalse();
        assertThat(change.after(none, "A-2").state(ListKind.BCIMG).received()).isTrue();
        assertThat(change.affected()).containsExactly("A-1");
    }
}
