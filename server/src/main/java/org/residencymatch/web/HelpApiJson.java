package org.residencymatch.web;

import java.time.LocalDateTime;
import java.util.List;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.help.HelpCaseStatus;
import org.residencymatch.help.HelpService;

/** The JSON shapes of {@link HelpApiRoutes}, as records named after their schemas in {@code openapi.yaml}. */
final class HelpApiJson {

    private HelpApiJson() {
    }

    record HelpCaseList(String cycle, List<HelpCase> cases) {

        static HelpCaseList of(String cycle, List<org.residencymatch.help.HelpCase> cases) {
            return new HelpCaseList(cycle, cases.stream().map(HelpCase::of).toList());
        }
    }

    record HelpCase(long id, String cycle, String applicantId, int iteration, String streamId, String streamLabel, Decision decision,
            List<ApiJson.Reason> reasons, String message, HelpCaseStatus status, LocalDateTime openedAt, LocalDateTime closedAt,
            String closedBy, List<HelpAnswerEntry> answers) {

        static HelpCase of(org.residencymatch.help.HelpCase c) {
            return new HelpCase(c.id(), c.cycleId(), c.applicantId(), c.iteration(), c.streamId(), c.streamLabel(), c.decision(),
                    c.reasons().stream().map(ApiJson.Reason::of).toList(), c.message(), c.status(), c.openedAt(), c.closedAt(),
                    c.closedBy(),
                    c.answers().stream().map(a -> new HelpAnswerEntry(a.author(), a.writtenAt(), a.body())).toList());
        }
    }

    record HelpAnswerEntry(String author, LocalDateTime writtenAt, String body) {
    }

    /** An applicant's request for help about one stream's decision; the iteration is 1 unless it says 2. */
    record HelpRequest(String streamId, @ApiRequests.Mistyped("iteration must be 1 or 2") Integer iteration,
            @ApiRequests.Mistyped("message must be a string") String message) {

        HelpRequest {
            if (streamId == null || streamId.isBlank()) throw ApiException.badRequest("streamId", "streamId is required");
            streamId = streamId.strip();
            if (iteration == null) iteration = 1;
            if (iteration != 1 && iteration != 2) throw ApiException.badRequest("iteration", "iteration must be 1 or 2");
            message = HelpPages.optionalText(message, "message", HelpService.MAX_MESSAGE);
        }
    }

    /** The help desk's answer to a case. */
    record HelpAnswer(String body) {

        HelpAnswer {
            body = HelpPages.optionalText(body, "body", HelpService.MAX_ANSWER);
            if (body == null) throw ApiException.badRequest("body", "body is required");
        }
    }
}
