package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.api.DemoApiServer.CYCLE;
import static org.residencymatch.api.DemoApiServer.failure;
import static org.residencymatch.api.DemoApiServer.invalidField;
import static org.residencymatch.api.DemoApiServer.notFound;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.api.client.ApiException;
import org.residencymatch.api.client.api.CatalogueApi;
import org.residencymatch.api.client.model.QuotaChange;
import org.residencymatch.api.client.model.QuotaRequest;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** The operator sets a stream's quota through the API; everyone else, bad values, unknown streams and late changes are refused. */
@DatabaseTest
class QuotaApiTest {

    static final String MCMASTER_IMG = "27039", OTTAWA_IMG = "26697";

    static MutableClock clock;
    static DemoApiServer demo;
    static CatalogueApi operator;

    @BeforeAll
    static void start() {
        clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
        demo = DemoApiServer.start(clock);
        operator = new CatalogueApi(demo.operator());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static int quota(String streamId) {
        return demo.services().database().jdbi()
                .withHandle(h -> demo.services().programs().stream(h, CYCLE, streamId).orElseThrow().quota());
    }

    static List<String> audit(String streamId) {
        return demo.services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT actor || ': ' || details FROM audit_log WHERE action = 'stream.quota-changed' AND target = :t ORDER BY id")
                .bind("t", "stream:" + CYCLE + "/" + streamId).mapTo(String.class).list());
    }

    @Test
    void theOperatorChangesAQuotaWithAnAuditRowAndTheSameQuotaChangesNothing() throws ApiException {
        int before = quota(MCMASTER_IMG);
        int wanted = before + 3;

        QuotaChange change = operator.setStreamQuota(CYCLE, MCMASTER_IMG, new QuotaRequest().quota(wanted));

        assertThat(change.getCycle()).isEqualTo(CYCLE);
        assertThat(change.getStreamId()).isEqualTo(MCMASTER_IMG);
        assertThat(change.getPreviousQuota()).isEqualTo(before);
        assertThat(change.getQuota()).isEqualTo(wanted);
        assertThat(quota(MCMASTER_IMG)).isEqualTo(wanted);
        assertThat(audit(MCMASTER_IMG)).singleElement().asString().endsWith("quota changed from " + before + " to " + wanted);

        QuotaChange same = operator.setStreamQuota(CYCLE, MCMASTER_IMG, new QuotaRequest().quota(wanted));
        assertThat(same.getPreviousQuota()).isEqualTo(wanted);
        assertThat(audit(MCMASTER_IMG)).as("nothing changed, nothing recorded").hasSize(1);

        assertThat(operator.setStreamQuota(CYCLE, MCMASTER_IMG, new QuotaRequest().quota(0)).getQuota()).as("a stream may close").isZero();
        assertThat(operator.setStreamQuota(CYCLE, MCMASTER_IMG, new QuotaRequest().quota(999)).getQuota()).isEqualTo(999);
        operator.setStreamQuota(CYCLE, MCMASTER_IMG, new QuotaRequest().quota(before));
    }

    @Test
    void refusalsChangeNothing() throws ApiException {
        int before = quota(OTTAWA_IMG);
        CatalogueApi applicant = new CatalogueApi(demo.bearer(demo.tokenForApplicant("A-2001")));
        assertThat(failure(403, () -> applicant.setStreamQuota(CYCLE, OTTAWA_IMG, new QuotaRequest().quota(1))).getCode())
                .isEqualTo("FORBIDDEN");

        assertThat(invalidField("quota", () -> operator.setStreamQuota(CYCLE, OTTAWA_IMG, new QuotaRequest().quota(1000))).getMessage())
                .contains("0 to 999");
        invalidField("quota", () -> operator.setStreamQuota(CYCLE, OTTAWA_IMG, new QuotaRequest().quota(-1)));
        invalidField("quota", () -> operator.setStreamQuota(CYCLE, OTTAWA_IMG, new QuotaRequest()));

        assertThat(notFound(() -> operator.setStreamQuota(CYCLE, "99999", new QuotaRequest().quota(1))).getMessage()).contains("99999");
        notFound(() -> operator.setStreamQuota("1999-R1", OTTAWA_IMG, new QuotaRequest().quota(1)));

        assertThat(quota(OTTAWA_IMG)).isEqualTo(before);
        assertThat(audit(OTTAWA_IMG)).isEmpty();
    }

    @Test
    void quotasFreezeWhenTheMatchPhaseStarts() throws ApiException {
        int before = quota(OTTAWA_IMG);
        try {
            clock.set(LocalDateTime.of(2025, 2, 20, 12, 0));
            assertThat(failure(409, () -> operator.setStreamQuota(CYCLE, OTTAWA_IMG, new QuotaRequest().quota(before + 1))).getCode())
                    .isEqualTo("QUOTAS_FROZEN");
            assertThat(quota(OTTAWA_IMG)).isEqualTo(before);
        } finally {
            clock.set(LocalDateTime.of(2024, 10, 15, 12, 0));
        }
    }
}
