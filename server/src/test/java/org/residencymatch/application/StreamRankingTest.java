package org.residencymatch.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.residencymatch.application.StreamRanking.ListState;
import org.residencymatch.application.StreamRanking.Status;
import org.residencymatch.cycle.Phase;

/** Which of program staff's streams need them, and why (issue #16, point 6). */
class StreamRankingTest {

    @Test
    void aStreamWithApplicantsAndNoSubmittedListNeedsActionWhileListsAreOpen() {
        assertThat(StreamRanking.decide(3, ListState.NONE, Phase.ROL_OPEN)).isEqualTo(new StreamRanking.Decision(Status.NOT_RANKED, true));
        assertThat(StreamRanking.decide(3, ListState.DRAFT_ONLY, Phase.ROL_OPEN).needsAction()).isTrue();
        assertThat(StreamRanking.decide(3, ListState.SUBMITTED_WITH_DRAFT, Phase.INTERVIEWS))
                .isEqualTo(new StreamRanking.Decision(Status.CHANGES_NOT_SUBMITTED, true));
    }

    @Test
    void aSubmittedListOrNoApplicantOrAClosedWindowNeedsNothing() {
        assertThat(StreamRanking.decide(3, ListState.SUBMITTED, Phase.ROL_OPEN).needsAction()).isFalse();
        assertThat(StreamRanking.decide(0, ListState.NONE, Phase.ROL_OPEN))
                .isEqualTo(new StreamRanking.Decision(Status.NO_APPLICANTS, false));
        assertThat(StreamRanking.decide(3, ListState.NONE, Phase.ROL_DEADLINE).needsAction()).as("nothing can be done any more").isFalse();
        assertThat(StreamRanking.decide(3, ListState.NONE, Phase.PROGRAM_SELECTION).needsAction()).isFalse();
    }
}
