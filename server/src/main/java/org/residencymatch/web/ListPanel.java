package org.residencymatch.web;

import java.util.List;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.lists.ListVersionInfo;
import org.residencymatch.lists.DraftSummary;

/** One list kind on the lists page: its versions and its open drafts. */
public record ListPanel(ListKind kind, List<ListVersionInfo> versions, List<DraftSummary> drafts) {
    public int currentVersion() {
        return versions.isEmpty() ? 0 : versions.get(0).version();
    }
}
