package org.residencymatch.application;

import java.util.Optional;

/**
 * A list owner's rank order lists: what they are editing (the newest save) and what is in force (the
 * newest submission). When the newest save is a draft after a submission, the submission stays in
 * force until the draft is submitted, and the pages say so plainly.
 */
public record RankLists(Optional<RankList> latest, Optional<RankList> inForce) {

    /** Whether there are saved edits that are not in force. */
    public boolean unsubmittedChanges() {
        return latest.isPresent() && !latest.get().submitted();
    }
}
