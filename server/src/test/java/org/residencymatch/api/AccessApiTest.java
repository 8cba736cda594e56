package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.api.DemoApiServer.CYCLE;
import static org.residencymatch.api.DemoApiServer.failure;
import static org.residencymatch.api.DemoApiServer.notFound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.api.client.ApiClient;
import org.residencymatch.api.client.ApiException;
import org.residencymatch.api.client.ApiResponse;
import org.residencymatch.api.client.api.ApplicantsApi;
import org.residencymatch.api.client.api.CasesApi;
import org.residencymatch.api.client.api.CatalogueApi;
import org.residencymatch.api.client.api.ContractApi;
import org.residencymatch.api.client.model.ApplicantCategory;
import org.residencymatch.api.client.model.ApplicantProfileRequest;
import org.residencymatch.api.client.model.CaseComment;
import org.residencymatch.api.client.model.CaseResolution;
import org.residencymatch.api.client.model.Citizenship;
import org.residencymatch.api.client.model.StudyStatus;
import org.residencymatch.store.DatabaseTest;

/** Who may call what: bearer tokens of the operator, of applicants and of partners, and none at all. */
@DatabaseTest
class AccessApiTest {

    private static final String AMIRA = "A-2001";
    private static final String RAJESH = "A-2002";

    static DemoApiServer demo;
    static ApiClient amira;

    @BeforeAll
    static void start() throws ApiException {
        demo = DemoApiServer.start();
        amira = demo.bearer(demo.tokenForApplicant(AMIRA));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static ApplicantProfileRequest someProfile() {
        return new ApplicantProfileRequest().familyName("Haddad").givenNames("Amira").category(ApplicantCategory.IMG)
                .citizenship(Citizenship.CITIZEN).studyStatus(StudyStatus.GRADUATE);
    }

    private static void refused(int status, String code, ThrowingCallable call) {
        assertThat(failure(status, call).getCode()).isEqualTo(code);
    }

    @Test
    void withoutATokenEveryApiCallIsUnauthenticated() {
        ApiClient anonymous = demo.anonymous();
        refused(401, "UNAUTHENTICATED",
                () -> new CatalogueApi(anonymous).getCatalogue(CYCLE, AMIRA, null, null, null, null, null, null, null, null));
        refused(401, "UNAUTHENTICATED", () -> new CatalogueApi(anonymous).explainEligibility(CYCLE, AMIRA, "any", null));
        refused(401, "UNAUTHENTICATED", () -> new ApplicantsApi(anonymous).getApplicant(CYCLE, AMIRA));
        refused(401, "UNAUTHENTICATED", () -> new ApplicantsApi(anonymous).putApplicant(CYCLE, AMIRA, someProfile()));
        refused(401, "UNAUTHENTICATED", () -> new CasesApi(anonymous).listCases(CYCLE, null));
        refused(401, "UNAUTHENTICATED", () -> new CasesApi(anonymous).commentOnCase(CYCLE, 1L, new CaseComment().body("hello")));
        refused(401, "UNAUTHENTICATED", () -> new CasesApi(anonymous).resolveCase(CYCLE, 1L, new CaseResolution().resolution("done")));
    }

    @Test
    void aTokenThatWasNeverIssuedIsUnauthenticated() {
        refused(401, "UNAUTHENTICATED", () -> new ApplicantsApi(demo.bearer("not-a-token")).getApplicant(CYCLE, AMIRA));
    }

    @Test
    void anApplicantReadsTheirOwnFile() throws ApiException {
        assertThat(new ApplicantsApi(amira).getApplicant(CYCLE, AMIRA).getApplicantId()).isEqualTo(AMIRA);
        assertThat(new CatalogueApi(amira).getCatalogue(CYCLE, AMIRA, null, null, null, null, null, null, null, 5).getTotal())
                .isEqualTo(815);
    }

    @Test
    void anotherApplicantsFileIsNotFoundForAnApplicant() throws ApiException {
        String streamId = new CatalogueApi(amira).getCatalogue(CYCLE, AMIRA, null, null, null, null, null, null, null, 1)
                .getItems().get(0).getStream().getId();

        notFound(() -> new ApplicantsApi(amira).getApplicant(CYCLE, RAJESH));
        notFound(() -> new CatalogueApi(amira).getCatalogue(CYCLE, RAJESH, null, null, null, null, null, null, null, null));
        notFound(() -> new CatalogueApi(amira).explainEligibility(CYCLE, RAJESH, streamId, null));
        // The answer an applicant id that does not exist gets: nothing tells the two apart.
        assertThat(notFound(() -> new ApplicantsApi(amira).getApplicant(CYCLE, RAJESH)).getMessage()).isEqualTo("no applicant \"A-2002\"");
        assertThat(notFound(() -> new ApplicantsApi(amira).getApplicant(CYCLE, "A-9999")).getMessage())
                .isEqualTo("no applicant \"A-9999\"");
    }

    @Test
    void anApplicantMayNeitherWriteProfilesNorSeeCases() {
        refused(403, "FORBIDDEN", () -> new ApplicantsApi(amira).putApplicant(CYCLE, AMIRA, someProfile()));
        refused(403, "FORBIDDEN", () -> new CasesApi(amira).listCases(CYCLE, null));
        refused(403, "FORBIDDEN", () -> new CasesApi(amira).commentOnCase(CYCLE, 1L, new CaseComment().body("hello")));
        refused(403, "FORBIDDEN", () -> new CasesApi(amira).resolveCase(CYCLE, 1L, new CaseResolution().resolution("done")));
    }

    @Test
    void aPartnerMayNotReadApplicantsThroughThisApi() {
        ApiClient aimg = demo.bearer(demo.tokenForAccount("aimg@partner.example"));
        refused(403, "FORBIDDEN", () -> new CatalogueApi(aimg).getCatalogue(CYCLE, AMIRA, null, null, null, null, null, null, null, null));
        refused(403, "FORBIDDEN", () -> new ApplicantsApi(aimg).getApplicant(CYCLE, AMIRA));
    }

    @Test
    void theContractIsServedToAnyoneAsYaml() throws ApiException, IOException {
        ApiResponse<java.io.File> served = new ContractApi(demo.anonymous()).getOpenApiDocumentWithHttpInfo();

        assertThat(served.getStatusCode()).isEqualTo(200);
        assertThat(served.getHeaders().get("content-type")).singleElement().asString().startsWith("application/yaml");
        try (InputStream bundled = AccessApiTest.class.getResourceAsStream("/openapi.yaml")) {
            assertThat(Files.readAllBytes(served.getData().toPath())).isEqualTo(bundled.readAllBytes());
        } finally {
            Files.deleteIfExists(served.getData().toPath());
        }
    }
}
