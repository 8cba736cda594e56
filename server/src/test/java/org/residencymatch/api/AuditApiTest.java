package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.api.DemoApiServer.failure;
import static org.residencymatch.api.DemoApiServer.invalidField;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.api.client.ApiClient;
import org.residencymatch.api.client.ApiException;
import org.residencymatch.api.client.api.AuditApi;
import org.residencymatch.api.client.model.AuditEntry;
import org.residencymatch.api.client.model.AuditEntryPage;
import org.residencymatch.store.DatabaseTest;

/** The audit log through the API: the operator filters and pages it; anyone else is refused. */
@DatabaseTest
class AuditApiTest {

    static DemoApiServer demo;
    static AuditApi operator;

    @BeforeAll
    static void start() {
        demo = DemoApiServer.start();
        operator = new AuditApi(demo.operator());
        // Rows of the kind the services write, with hostile-looking text that must be taken literally.
        demo.services().database().jdbi().useTransaction(h -> {
            demo.services().auditLog().record(h, "auditor-a", "t.published", "t:2025-R1/QIMG/v1", "12 members");
            demo.services().auditLog().record(h, "auditor-a", "t.withdrawn", "t:2025-R1/QIMG/v2", null);
            demo.services().auditLog().record(h, "auditor-b", "tx.other", "t:2025-R1/QIMGX", "1");
            demo.services().auditLog().record(h, "auditor-b", "t2.closed", "t:2025-R1/Q%", "percent");
        });
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void theOperatorFiltersByActorActionPrefixAndTargetPrefixNewestFirst() throws ApiException {
        AuditEntryPage byActor = operator.listAuditEntries("auditor-a", null, null, null, null, null, null);
        assertThat(byActor.getTotal()).isEqualTo(2);
        assertThat(byActor.getEntries()).extracting(AuditEntry::getAction).containsExactly("t.withdrawn", "t.published");
        assertThat(byActor.getEntries().get(0).getDetails()).isNull();

        assertThat(operator.listAuditEntries(null, "t.", "t:2025-R1/", null, null, null, null).getEntries())
                .as("a prefix ending with a dot does not reach tx.").extracting(AuditEntry::getAction)
                .containsExactly("t.withdrawn", "t.published");
        assertThat(operator.listAuditEntries(null, "t", null, null, null, null, null).getTotal()).as("exact without the dot").isZero();
        assertThat(operator.listAuditEntries(null, null, "t:2025-R1/QIMG", null, null, null, null).getEntries())
                .extracting(AuditEntry::getTarget).containsExactlyInAnyOrder("t:2025-R1/QIMG/v1", "t:2025-R1/QIMG/v2", "t:2025-R1/QIMGX");
        assertThat(operator.listAuditEntries(null, null, "t:2025-R1/Q%", null, null, null, null).getEntries())
                .as("a % in the target is a character, not a wildcard").extracting(AuditEntry::getDetails).containsExactly("percent");
        assertThat(operator.listAuditEntries("auditor-a' OR '1'='1", null, null, null, null, null, null).getTotal()).isZero();
    }

    @Test
    void theDaysAreWholeUtcDaysAndPagesCoverEveryEntryOnce() throws ApiException {
        LocalDate today = LocalDateTime.now(ZoneOffset.UTC).toLocalDate();
        AuditEntryPage all = operator.listAuditEntries(null, null, null, null, null, null, 200);
        assertThat(operator.listAuditEntries(null, null, null, today, today, 1, 200).getTotal())
                .as("everything in these tests was recorded today").isEqualTo(all.getTotal());
        assertThat(operator.listAuditEntries(null, null, null, today.plusDays(1), null, null, null).getTotal()).isZero();
        assertThat(operator.listAuditEntries(null, null, null, null, today.minusDays(1), null, null).getTotal()).isZero();

        AuditEntryPage first = operator.listAuditEntries(null, null, "t:2025-R1/", null, null, 1, 3);
        AuditEntryPage second = operator.listAuditEntries(null, null, "t:2025-R1/", null, null, 2, 3);
        assertThat(first.getTotal()).isEqualTo(4);
        assertThat(first.getPageCount()).isEqualTo(2);
        assertThat(first.getEntries()).hasSize(3);
        assertThat(second.getEntries()).hasSize(1);
        assertThat(second.getEntries().get(0).getId()).isLessThan(first.getEntries().get(2).getId());
        assertThat(first.getEntries().get(0).getAt()).as("ISO times sort as text")
                .isGreaterThanOrEqualTo(first.getEntries().get(1).getAt());
    }

    @Test
    void onlyTheOperatorReadsTheLogAndBadFiltersAreRefusedNamingTheField() throws ApiException {
        failure(401, () -> new AuditApi(demo.anonymous()).listAuditEntries(null, null, null, null, null, null, null));
        AuditApi applicant = new AuditApi(demo.bearer(demo.tokenForApplicant("A-2005")));
        assertThat(failure(403, () -> applicant.listAuditEntries(null, null, null, null, null, null, null)).getCode())
                .isEqualTo("FORBIDDEN");

        invalidField("pageSize", () -> operator.listAuditEntries(null, null, null, null, null, null, 201));
        invalidField("page", () -> operator.listAuditEntries(null, null, null, null, null, 0, null));
        invalidField("to",
                () -> operator.listAuditEntries(null, null, null, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 31), null, null));
        invalidField("actor", () -> operator.listAuditEntries("x".repeat(201), null, null, null, null, null, null));
        invalidField("from", () -> new AuditApi(rewritingQuery(demo.operator(), "from=31/01/2025")).listAuditEntries(null, null, null, null,
                null, null, null));
    }

    /** The operator's client, sending this query whatever the typed call would have sent: a date the client cannot produce. */
    private static ApiClient rewritingQuery(ApiClient client, String query) {
        var authenticating = client.getRequestInterceptor();
        client.setRequestInterceptor(request -> {
            authenticating.accept(request);
            URI uri = request.copy().build().uri();
            request.uri(URI.create(uri.getScheme() + "://" + uri.getAuthority() + uri.getPath() + "?" + query));
        });
        return client;
    }
}
