package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.api.DemoApiServer.CYCLE;
import static org.residencymatch.api.DemoApiServer.invalidField;
import static org.residencymatch.api.DemoApiServer.notFound;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.api.client.ApiException;
import org.residencymatch.api.client.api.CasesApi;
import org.residencymatch.api.client.api.CatalogueApi;
import org.residencymatch.api.client.model.CaseStatus;
import org.residencymatch.api.client.model.Catalogue;
import org.residencymatch.api.client.model.CatalogueEntry;
import org.residencymatch.api.client.model.Decision;
import org.residencymatch.api.client.model.DecisionCounts;
import org.residencymatch.api.client.model.EligibilityExplanation;
import org.residencymatch.api.client.model.ListKind;
import org.residencymatch.api.client.model.LocalizedText;
import org.residencymatch.api.client.model.Province;
import org.residencymatch.api.client.model.Reason;
import org.residencymatch.api.client.model.StreamType;
import org.residencymatch.store.DatabaseTest;

/** The catalogue and the explanation of a decision, read by the operator through the generated client. */
@DatabaseTest
class CatalogueApiTest {

    private static final int WHOLE_CATALOGUE = 1000;
    private static final String IMG_ON_NO_LIST = "A-2001";
    private static final String IMG_ON_AIMG_LIST = "A-2002";
    private static final String REGULIER_MISSING_FROM_QIMG = "A-2005";
    private static final String PARTICULIER = "A-2006";

    static DemoApiServer demo;
    static CatalogueApi catalogue;

    @BeforeAll
    static void start() {
        demo = DemoApiServer.start();
        catalogue = new CatalogueApi(demo.operator());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** Every stream of the province and stream type, in one page. */
    private static List<CatalogueEntry> streams(String applicantId, Province province, StreamType type) throws ApiException {
        Catalogue page = catalogue.getCatalogue(CYCLE, applicantId, province, null, type, null, null, null, null, WHOLE_CATALOGUE);
        assertThat(page.getItems()).as("%s streams of type %s", province, type).isNotEmpty().hasSize(page.getTotal());
        return page.getItems();
    }

    private static List<String> codes(CatalogueEntry entry) {
        return entry.getReasons().stream().map(Reason::getCode).toList();
    }

    @Test
    void anImgOnNoListCannotSelectAlbertaBritishColumbiaOrQuebecButCanSelectOntario() throws ApiException {
        assertThat(streams(IMG_ON_NO_LIST, Province.AB, StreamType.IMG)).allSatisfy(entry -> {
            assertThat(entry.getDecision()).isEqualTo(Decision.NOT_ELIGIBLE);
            assertThat(codes(entry)).contains("AIMG_LIST_REQUIRED");
        });
        assertThat(streams(IMG_ON_NO_LIST, Province.BC, StreamType.IMG)).allSatisfy(entry -> {
            assertThat(entry.getDecision()).isEqualTo(Decision.NOT_ELIGIBLE);
            assertThat(codes(entry)).contains("BCIMG_LIST_REQUIRED");
        });
        assertThat(streams(IMG_ON_NO_LIST, Province.QC, StreamType.REGULAR_FOR_ALL)).allSatisfy(entry -> {
            assertThat(entry.getDecision()).isEqualTo(Decision.NOT_ELIGIBLE);
            assertThat(codes(entry)).contains("QIMG_LIST_REQUIRED");
        });
        assertThat(streams(IMG_ON_NO_LIST, Province.ON, StreamType.IMG)).allSatisfy(entry -> {
            assertThat(entry.getDecision()).isEqualTo(Decision.SELECTABLE);
            assertThat(entry.getReasons()).isEmpty();
        });
    }

    @Test
    void anImgOnTheAimgListCanSelectAlbertaImgStreams() throws ApiException {
        assertThat(streams(IMG_ON_AIMG_LIST, Province.AB, StreamType.IMG))
                .allSatisfy(entry -> assertThat(entry.getDecision()).isEqualTo(Decision.SELECTABLE));
    }

    @Test
    void aRegulierApprovalMissingFromTheQimgListIsNotEligibleAndOpensACase() throws ApiException {
        assertThat(streams(REGULIER_MISSING_FROM_QIMG, Province.QC, StreamType.REGULAR_FOR_ALL)).allSatisfy(entry -> {
            assertThat(entry.getDecision()).isEqualTo(Decision.NOT_ELIGIBLE);
            assertThat(codes(entry)).contains("QUEBEC_REGULIER_NOT_ON_LIST");
        });
        assertThat(new CasesApi(demo.operator()).listCases(CYCLE, null).getCases())
                .anySatisfy(openCase -> {
                    assertThat(openCase.getApplicantId()).isEqualTo(REGULIER_MISSING_FROM_QIMG);
                    assertThat(openCase.getCode()).isEqualTo("QUEBEC_REGULIER_NOT_ON_LIST");
                    assertThat(openCase.getListKind()).isEqualTo(ListKind.QIMG);
                    assertThat(openCase.getStatus()).isEqualTo(CaseStatus.OPEN);
                });
    }

    @Test
    void aParticulierApprovalAppliesToQuebecDirectly() throws ApiException {
        assertThat(streams(PARTICULIER, Province.QC, StreamType.REGULAR_FOR_ALL)).allSatisfy(entry -> {
            assertThat(entry.getDecision()).isEqualTo(Decision.APPLY_ELSEWHERE);
            assertThat(codes(entry)).contains("QUEBEC_PARTICULIER_APPLIES_DIRECTLY");
        });
    }

    @Test
    void everyStreamThatCannotBeSelectedSaysWhyAndWhatToDoInEnglishAndFrench() throws ApiException {
        for (String applicantId : List.of(IMG_ON_NO_LIST, REGULIER_MISSING_FROM_QIMG, PARTICULIER, "A-1001")) {
            Catalogue whole = catalogue.getCatalogue(CYCLE, applicantId, null, null, null, null, null, null, null, WHOLE_CATALOGUE);
            assertThat(whole.getItems()).hasSize(whole.getTotal());
            List<CatalogueEntry> notSelectable = whole.getItems().stream().filter(e -> e.getDecision() != Decision.SELECTABLE).toList();
            assertThat(notSelectable).as(applicantId).isNotEmpty().allSatisfy(entry -> {
                assertThat(entry.getReasons()).isNotEmpty().allSatisfy(reason -> {
                    assertTranslated(reason.getMessage());
                    assertTranslated(reason.getNextStep().getAction());
                    assertThat(reason.getNextStep().getContact().getName().getEn()).isNotBlank();
                    assertThat(reason.getNextStep().getContact().getName().getFr()).isNotBlank();
                    assertThat(reason.getProvenance().getRuleId()).isNotBlank();
                    assertThat(reason.getProvenance().getRulesFile()).startsWith(CYCLE + "/iteration-1");
                });
            });
        }
    }

    /** Both texts present, and the French one is not the English one copied. */
    private static void assertTranslated(LocalizedText text) {
        assertThat(text.getEn()).isNotBlank();
        assertThat(text.getFr()).isNotBlank().isNotEqualTo(text.getEn());
    }

    @Test
    void theDecisionFilterAndTheCountsAgree() throws ApiException {
        Catalogue unfiltered = catalogue.getCatalogue(CYCLE, IMG_ON_NO_LIST, null, null, null, null, null, null, null, 1);
        DecisionCounts counts = unfiltered.getCounts();
        assertThat(counts.getSELECTABLE() + counts.getPENDING() + counts.getAPPLYELSEWHERE() + counts.getNOTELIGIBLE())
                .isEqualTo(unfiltered.getTotal()).isEqualTo(815);

        Catalogue selectable = catalogue.getCatalogue(CYCLE, IMG_ON_NO_LIST, null, null, null, Decision.SELECTABLE, null, null, null,
                WHOLE_CATALOGUE);
        assertThat(selectable.getTotal()).isEqualTo(counts.getSELECTABLE()).isPositive();
        assertThat(selectable.getItems()).hasSize(selectable.getTotal())
                .allSatisfy(entry -> assertThat(entry.getDecision()).isEqualTo(Decision.SELECTABLE));
        assertThat(selectable.getCounts().getNOTELIGIBLE()).isZero();
    }

    @Test
    void thePagesOfAFilteredCatalogueAddUpToItsTotal() throws ApiException {
        int pageSize = 17;
        Catalogue first = catalogue.getCatalogue(CYCLE, IMG_ON_NO_LIST, Province.QC, null, null, null, null, null, 1, pageSize);
        int total = first.getTotal();
        assertThat(total).isGreaterThan(pageSize);
        assertThat(first.getPage()).isEqualTo(1);
        assertThat(first.getPageSize()).isEqualTo(pageSize);

        Set<String> seen = new HashSet<>();
        int pages = (total + pageSize - 1) / pageSize;
        for (int page = 1; page <= pages; page++) {
            Catalogue current = catalogue.getCatalogue(CYCLE, IMG_ON_NO_LIST, Province.QC, null, null, null, null, null, page, pageSize);
            assertThat(current.getTotal()).isEqualTo(total);
            assertThat(current.getItems()).hasSize(Math.min(pageSize, total - (page - 1) * pageSize))
                    .allSatisfy(entry -> assertThat(entry.getStream().getProvince()).isEqualTo(Province.QC));
            current.getItems().forEach(entry -> assertThat(seen.add(entry.getStream().getId())).as("stream listed twice").isTrue());
        }
        assertThat(seen).hasSize(total);
        assertThat(catalogue.getCatalogue(CYCLE, IMG_ON_NO_LIST, Province.QC, null, null, null, null, null, pages + 1, pageSize).getItems())
                .isEmpty();
    }

    @Test
    void selectableStreamsComeFirst() throws ApiException {
        List<Decision> order = catalogue.getCatalogue(CYCLE, IMG_ON_NO_LIST, null, null, null, null, null, null, null, WHOLE_CATALOGUE)
                .getItems().stream().map(CatalogueEntry::getDecision).toList();
        int lastSelectable = order.lastIndexOf(Decision.SELECTABLE);
        assertThat(order.subList(0, lastSelectable + 1)).containsOnly(Decision.SELECTABLE);
        assertThat(order.subList(lastSelectable + 1, order.size())).doesNotContain(Decision.SELECTABLE).isNotEmpty();
    }

    @Test
    void filtersByDisciplineAndByWords() throws ApiException {
        CatalogueEntry someStream = catalogue.getCatalogue(CYCLE, IMG_ON_NO_LIST, null, null, null, null, null, null, null, 1).getItems()
                .get(0);
        int discipline = someStream.getStream().getDisciplineId();
        Catalogue ofDiscipline = catalogue.getCatalogue(CYCLE, IMG_ON_NO_LIST, null, discipline, null, null, null, null, null,
                WHOLE_CATALOGUE);
        assertThat(ofDiscipline.getTotal()).isBetween(1, 814);
        assertThat(ofDiscipline.getItems()).allSatisfy(entry -> assertThat(entry.getStream().getDisciplineId()).isEqualTo(discipline));

        Catalogue calgary = catalogue.getCatalogue(CYCLE, IMG_ON_NO_LIST, null, null, null, null, "CALGARY", null, null, WHOLE_CATALOGUE);
        assertThat(calgary.getTotal()).isBetween(1, 814);
        assertThat(calgary.getItems()).allSatisfy(entry -> {
            var s = entry.getStream();
            String text = String.join(" ", s.getFaculty().getEn(), s.getFaculty().getFr(), s.getDiscipline(), s.getSite(), s.getName());
            assertThat(text.toLowerCase(Locale.ROOT)).contains("calgary");
        });
    }

    @Test
    void theExplanationOfOneStreamIsItsCatalogueEntry() throws ApiException {
        CatalogueEntry listed = streams(IMG_ON_NO_LIST, Province.AB, StreamType.IMG).get(0);
        String streamId = listed.getStream().getId();

        EligibilityExplanation explanation = catalogue.explainEligibility(CYCLE, IMG_ON_NO_LIST, streamId, null);

        assertThat(explanation.getIteration()).isEqualTo(1);
        assertThat(explanation.getStream()).isEqualTo(listed.getStream());
        assertThat(explanation.getDecision()).isEqualTo(Decision.NOT_ELIGIBLE);
        assertThat(explanation.getReasons()).isEqualTo(listed.getReasons());
        Reason aimg = explanation.getReasons().stream().filter(r -> r.getCode().equals("AIMG_LIST_REQUIRED")).findFirst().orElseThrow();
        assertThat(aimg.getOutcome()).hasToString("NOT_ELIGIBLE");
        assertThat(aimg.getProvenance().getListKind()).isEqualTo(ListKind.AIMG);
        assertThat(aimg.getProvenance().getListVersion()).isEqualTo(1);
        assertThat(aimg.getNextStep().getContact().getId()).isEqualTo("aimg");
        assertThat(aimg.getNextStep().getContact().getLink().getEn()).isEqualTo("https://aimg.ca");

        assertThat(catalogue.explainEligibility(CYCLE, IMG_ON_NO_LIST, streamId, 2).getIteration()).isEqualTo(2);
    }

    @Test
    void unknownCycleApplicantOrStreamIsNotFound() throws ApiException {
        String streamId = streams(IMG_ON_NO_LIST, Province.ON, StreamType.IMG).get(0).getStream().getId();

        notFound(() -> catalogue.getCatalogue("1999-R9", IMG_ON_NO_LIST, null, null, null, null, null, null, null, null));
        notFound(() -> catalogue.getCatalogue(CYCLE, "A-9999", null, null, null, null, null, null, null, null));
        notFound(() -> catalogue.explainEligibility("1999-R9", IMG_ON_NO_LIST, streamId, null));
        notFound(() -> catalogue.explainEligibility(CYCLE, "A-9999", streamId, null));
        assertThat(notFound(() -> catalogue.explainEligibility(CYCLE, IMG_ON_NO_LIST, "no-such-stream", null)).getMessage())
                .contains("no-such-stream");
    }

    @Test
    void outOfRangeParametersAreRefusedNamingTheParameter() {
        invalidField("pageSize", () -> catalogue.getCatalogue(CYCLE, IMG_ON_NO_LIST, null, null, null, null, null, null, null, 0));
        invalidField("pageSize", () -> catalogue.getCatalogue(CYCLE, IMG_ON_NO_LIST, null, null, null, null, null, null, null, 1001));
        invalidField("page", () -> catalogue.getCatalogue(CYCLE, IMG_ON_NO_LIST, null, null, null, null, null, null, 0, null));
        invalidField("iteration", () -> catalogue.getCatalogue(CYCLE, IMG_ON_NO_LIST, null, null, null, null, null, 3, null, null));
        invalidField("iteration", () -> catalogue.explainEligibility(CYCLE, IMG_ON_NO_LIST, "any", 0));
    }

    @Test
    void theLastPageNumberTheContractAllowsIsAnsweredWithAnEmptyPage() throws ApiException {
        int lastPage = 2_147_483; // openapi.yaml: page maximum; its first stream's offset still fits in an int
        assertThat(catalogue.getCatalogue(CYCLE, IMG_ON_NO_LIST, null, null, null, null, null, null, lastPage, WHOLE_CATALOGUE).getItems())
                .isEmpty();
        invalidField("page", () -> catalogue.getCatalogue(CYCLE, IMG_ON_NO_LIST, null, null, null, null, null, null, lastPage + 1, null));
        // Unbounded, this page's offset overflowed an int and the server answered 500.
        invalidField("page",
                () -> catalogue.getCatalogue(CYCLE, IMG_ON_NO_LIST, null, null, null, null, null, null, Integer.MAX_VALUE, 50));
    }
}
