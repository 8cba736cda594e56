package org.residencymatch.web;

import org.residencymatch.program.QuotaService;

/** The JSON shapes of {@link ProgramQuotaRoutes}' API, as records named after their schemas in {@code openapi.yaml}. */
final class ProgramQuotaJson {

    private ProgramQuotaJson() {
    }

    /** A stream's new quota: only a JSON integer; 2.5, "3" or a number beyond int are refused rather than rounded or parsed. */
    record QuotaRequest(@ApiRequests.Mistyped(QUOTA_RANGE) Integer quota) {

        static final String QUOTA_RANGE = "quota must be a whole number from " + QuotaService.MIN_QUOTA + " to " + QuotaService.MAX_QUOTA;

        QuotaRequest {
            if (quota == null) throw ApiException.badRequest("quota", QUOTA_RANGE);
        }
    }

    record QuotaChange(String cycle, String streamId, int previousQuota, int quota) {

        static QuotaChange of(QuotaService.QuotaChange change) {
            return new QuotaChange(change.cycleId(), change.streamId(), change.from(), change.to());
        }
    }
}
