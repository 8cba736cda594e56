package org.residencymatch.web;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.residencymatch.Services;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.CycleAction;
import org.residencymatch.matching.PlacementReasonPolicy;
import org.residencymatch.program.ProgramStream;

/**
 * An applicant's released result in an iteration, as their home page and "Your applications" show it:
 * the stream they matched to, or, unmatched, what comes next: the second iteration's dates (after the
 * first) and the clinical assessment program if they are invited to it; and, when the cycle's policy is
 * on, why each program on their list did not place them.
 *
 * @param matched the stream matched to, or null when unmatched
 * @param reasons why each program on an unmatched applicant's list did not place them; empty when the cycle's policy is off
 */
public record ApplicantResultView(int iteration, ProgramStream matched, LocalDateTime secondOpens, LocalDateTime secondRolDeadline,
        LocalDateTime capRespondBy, List<Reason> reasons) {

    /**
     * One program of the applicant's list and why it did not place them.
     *
     * @param partnerStream in a couple's list, the partner's side of the pair (null: "no match"); null for a single
     */
    public record Reason(ProgramStream stream, ProgramStream partnerStream, boolean couple, PlacementReasonPolicy.Reason reason) {
    }

    public boolean isMatched() {
        return matched != null;
    }

    public boolean hasSecondIteration() {
        return secondOpens != null;
    }

    /** The status an application shows once results are released: matched for the stream matched to, else not matched. */
    public String statusOf(String streamId) {
        return matched != null && matched.streamId().equals(streamId) ? "MATCHED" : "NOT_MATCHED";
    }

    /** Empty before the iteration's results are released. */
    static Optional<ApplicantResultView> of(Services services, Cycle cycle, int iteration, String applicantId) {
        return services.matchRuns().resultOf(cycle.id(), iteration, applicantId).map(result -> {
            ProgramStream stream = result.flatMap(id -> services.quotas().stream(cycle.id(), id))
                    .orElse(null);
            LocalDateTime opens = null, deadline = null, cap = null;
            if (stream == null && iteration == 1) {
                opens = cycle.phases().stream().filter(p -> p.iteration() == 2).map(Cycle.PhaseStart::startsAt)
                        .min(LocalDateTime::compareTo).orElse(null);
                deadline = cycle.closes(CycleAction.EDIT_RANK_LIST, 2).orElse(null);
            }
            if (stream == null) {
                cap = services.clinicalAssessment().invitation(cycle.id(), applicantId).filter(i -> i.status().equals("INVITED"))
                        .map(i -> i.respondBy()).orElse(null);
            }
            List<Reason> reasons = stream != null
                    ? List.of()
                    : services.placementReasons().reasons(cycle.id(), iteration, applicantId)
                            .orElse(List.of()).stream()
                            .map(r -> new Reason(streamOf(services, cycle, r.streamId()), streamOf(services, cycle, r.partnerStreamId()),
                                    r.couple(), r.reason()))
                            .filter(r -> r.stream() != null).toList();
            return new ApplicantResultView(iteration, stream, opens, deadline, cap, reasons);
        });
    }

    private static ProgramStream streamOf(Services services, Cycle cycle, String streamId) {
        return streamId == null ? null : services.quotas().stream(cycle.id(), streamId).orElse(null);
    }
}
