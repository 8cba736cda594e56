package org.residencymatch.application;

import org.residencymatch.cycle.CycleAction;
import org.residencymatch.cycle.Phase;

/**
 * Where a program stream's ranking stands for its staff, and whether it needs them: a pure policy
 * over the stream's applicants, its rank order list and the phase. A stream needs action while rank
 * order lists are open (or about to open, during interviews) when it has applicants and no submitted
 * list, or a draft newer than its submitted list; the reason is the status itself.
 */
public final class StreamRanking {

    /** A stream's rank order list: none, only drafts, submitted, or submitted with a newer draft. */
    public enum ListState {
        NONE, DRAFT_ONLY, SUBMITTED, SUBMITTED_WITH_DRAFT
    }

    /** The status shown ({@code staff.status.<name>}) and whether staff must act on it. */
    public record Decision(Status status, boolean needsAction) {
    }

    public enum Status {
        NO_APPLICANTS, NOT_RANKED, DRAFT_NOT_SUBMITTED, SUBMITTED, CHANGES_NOT_SUBMITTED
    }

    private StreamRanking() {
    }

    public static Decision decide(int applicants, ListState list, Phase phase) {
        boolean ranking = CycleAction.PREPARE_RANK_LIST.allows(phase);
        Status status = switch (list) {
            case NONE -> applicants == 0 ? Status.NO_APPLICANTS : Status.NOT_RANKED;
            case DRAFT_ONLY -> Status.DRAFT_NOT_SUBMITTED;
            case SUBMITTED -> Status.SUBMITTED;
            case SUBMITTED_WITH_DRAFT -> Status.CHANGES_NOT_SUBMITTED;
        };
        boolean open = status == Status.NOT_RANKED || status == Status.DRAFT_NOT_SUBMITTED || status == Status.CHANGES_NOT_SUBMITTED;
        return new Decision(status, ranking && open && applicants > 0);
    }
}
