package org.residencymatch.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;

/** Properties of the engine over generated applicants, list views and every kind of stream. */
class EligibilityPropertiesTest {

    private static final StreamCatalogue EVERY_KIND_OF_STREAM = StreamCatalogue.of(Fixtures.everyKindOfStream());

    @Provide
    Arbitrary<ApplicantFacts> applicants() {
        Arbitrary<LocalDate> dates = Arbitraries.of(
                LocalDate.of(2010, 6, 1), LocalDate.of(2019, 6, 1), LocalDate.of(2021, 7, 1),
                LocalDate.of(2023, 5, 15), LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 2),
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 2))
                .injectNull(0.15);
        return Builders.withBuilder(() -> new ApplicantDraft())
                .use(Arbitraries.of(ApplicantCategory.class)).in(ApplicantDraft::category)
                .use(Arbitraries.of(Citizenship.class)).in((d, v) -> d.then(b -> b.citizenship(v)))
                .use(Arbitraries.of(StudyStatus.class)).in((d, v) -> d.then(b -> b.status(v)))
                .use(dates).in((d, v) -> d.then(b -> b.mdGraduationDate(v)))
                .use(dates).in((d, v) -> d.then(b -> b.latestClinicalActivityDate(v)))
                .use(Arbitraries.of(true, false)).in((d, v) -> d.then(b -> b.priorPostgraduateTraining(v)))
                .use(Arbitraries.of(true, false)).in((d, v) -> d.then(b -> b.fellowshipCanadaUs(v)))
                .use(Arbitraries.of(ExamResult.class)).in((d, v) -> d.then(b -> b.mccqe1(v)))
                .use(Arbitraries.of(ExamResult.class)).in((d, v) -> d.then(b -> b.nac(v)))
                .use(Arbitraries.of(CmqApproval.class)).in((d, v) -> d.then(b -> b.cmqApproval(v)))
                .use(Arbitraries.of(true, false)).in((d, v) -> d.then(b -> b.militaryTrainingPlanMember(v)))
                .use(Arbitraries.of(Province.class).set().ofMaxSize(3))
                .in((d, v) -> d.then(b -> {
                    v.forEach(b::provincialTie);
                    return b;
                }))
                .use(Arbitraries.integers().between(0, 4)).in((d, v) -> d.then(b -> b.highSchoolYears(Province.ON, v)))
                .build(ApplicantDraft::build);
    }

    /** Collects builder steps, since the category must be known before the builder exists. */
    private static final class ApplicantDraft {
        private ApplicantCategory category = ApplicantCategory.IMG;
        private final List<UnaryOperator<ApplicantFacts.Builder>> steps = new ArrayList<>();

        ApplicantDraft category(ApplicantCategory value) {
            category = value;
            return this;
        }

        ApplicantDraft then(UnaryOperator<ApplicantFacts.Builder> step) {
            steps.add(step);
            return this;
        }

        ApplicantFacts build() {
            ApplicantFacts.Builder builder = ApplicantFacts.builder("generated", category);
            steps.forEach(step -> step.apply(builder));
            return builder.build();
        }
    }

    @Provide
    Arbitrary<PartnerLists> lists() {
        Arbitrary<BiFunction<PartnerLists, ListKind, PartnerLists>> state = Arbitraries.of(
                (lists, kind) -> lists,
                (lists, kind) -> lists.withNonMember(kind, 1),
                (lists, kind) -> lists.withNonMember(kind, 2),
                (lists, kind) -> lists.withMember(kind, 1),
                (lists, kind) -> lists.withMember(kind, 2));
        return Combinators.combine(state, state, state).as((aimg, bcimg, qimg) -> qimg.apply(
                bcimg.apply(aimg.apply(PartnerLists.noneReceived(), ListKind.AIMG), ListKind.BCIMG), ListKind.QIMG));
    }

    @Provide
    Arbitrary<EligibilityRules> rules() {
        return Arbitraries.of(Fixtures.ALL_SHIPPED_RULES);
    }

    @Property(tries = 300, seed = "2025")
    void addingAListMembershipNeverMakesAnyStreamLessSelectable(
            @ForAll("applicants") ApplicantFacts applicant,
            @ForAll("lists") PartnerLists lists,
            @ForAll("rules") EligibilityRules rules,
            @ForAll ListKind kind,
            @ForAll @IntRange(min = 1, max = 3) int versionIfNotReceived) {
        ListState before = lists.state(kind);
        PartnerLists more = lists.withMember(kind, before.received() ? before.version() : versionIfNotReceived);

        CatalogueDecisions without = rules.decideCatalogue(applicant, EVERY_KIND_OF_STREAM, lists);
        CatalogueDecisions with = rules.decideCatalogue(applicant, EVERY_KIND_OF_STREAM, more);

        for (int index = 0; index < without.size(); index++) {
            Decision was = without.decision(index).decision();
            Decision now = with.decision(index).decision();
            assertThat(now.isMoreSevereThan(was))
                    .as("%s on %s: %s became %s", applicant, without.stream(index), was, now)
                    .isFalse();
        }
    }

    @Property(tries = 300, seed = "2025")
    void everyNonSelectableDecisionIsExplainedInBothLanguagesWithANextStep(
            @ForAll("applicants") ApplicantFacts applicant,
            @ForAll("lists") PartnerLists lists,
            @ForAll("rules") EligibilityRules rules) {
        CatalogueDecisions decisions = rules.decideCatalogue(applicant, EVERY_KIND_OF_STREAM, lists);

        for (int index = 0; index < decisions.size(); index++) {
            EligibilityDecision decision = decisions.decision(index);
            if (decision.isSelectable()) {
                continue;
            }
            assertThat(decision.reasons()).isNotEmpty();
            assertThat(decision.reasons().get(0).outcome()).isEqualTo(decision.decision());
            for (Reason reason : decision.reasons()) {
                assertThat(List.of(reason.message().en(), reason.message().fr(), reason.nextStep().action().en(),
                        reason.nextStep().action().fr(), reason.nextStep().contact().link().en(),
                        reason.nextStep().contact().link().fr()))
                        .allSatisfy(text -> assertThat(text).isNotBlank());
                assertThat(reason.message().fr()).isNotEqualTo(reason.message().en());
            }
        }
    }

    @Property(tries = 200, seed = "2025")
    void theCataloguePathAndTheSingleStreamPathAgree(
            @ForAll("applicants") ApplicantFacts applicant,
            @ForAll("lists") PartnerLists lists,
            @ForAll("rules") EligibilityRules rules) {
        CatalogueDecisions decisions = rules.decideCatalogue(applicant, EVERY_KIND_OF_STREAM, lists);

        for (int index = 0; index < decisions.size(); index++) {
            assertThat(decisions.decision(index)).isEqualTo(rules.decide(applicant, decisions.stream(index), lists));
        }
    }

    @Provide
    Arbitrary<List<Integer>> ruleOrders() {
        int count = RulesFileValidationTest.shippedTree().withArray("rules").size();
        List<Integer> identity = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            identity.add(index);
        }
        return Arbitraries.shuffle(identity);
    }

    @Property(tries = 40, seed = "2025")
    void decisionsDoNotDependOnTheOrderOfTheRulesInTheFile(
            @ForAll("ruleOrders") List<Integer> order,
            @ForAll @Size(min = 1, max = 8) List<@From("applicants") ApplicantFacts> applicants,
            @ForAll("lists") PartnerLists lists) {
        ObjectNode tree = RulesFileValidationTest.shippedTree();
        ArrayNode rules = tree.withArray("rules");
        List<JsonNode> original = new ArrayList<>();
        rules.forEach(original::add);
        rules.removeAll();
        order.forEach(index -> rules.add(original.get(index)));
        EligibilityRules shuffled = RulesFileParser.parse(tree.toString());

        for (ApplicantFacts applicant : applicants) {
            CatalogueDecisions expected = Fixtures.RULES_2025_1.decideCatalogue(applicant, EVERY_KIND_OF_STREAM, lists);
            CatalogueDecisions actual = shuffled.decideCatalogue(applicant, EVERY_KIND_OF_STREAM, lists);
            for (int index = 0; index < expected.size(); index++) {
                assertThat(actual.decision(index)).isEqualTo(expected.decision(index));
            }
        }
    }

    /** A way to break one rule, and the field the error must name. */
    enum Breakage {
        FRENCH_MESSAGE_MISSING("message.fr") {
            void apply(ObjectNode rule, ArrayNode rules) {
                ((ObjectNode) rule.get("message")).remove("fr");
            }
        },
        FRENCH_NEXT_STEP_BLANK("nextStep.fr") {
            void apply(ObjectNode rule, ArrayNode rules) {
                ((ObjectNode) rule.get("nextStep")).put("fr", "  ");
            }
        },
        UNKNOWN_CONDITION("require.speaksLatin") {
            void apply(ObjectNode rule, ArrayNode rules) {
                rule.putObject("require").put("speaksLatin", true);
            }
        },
        UNKNOWN_STREAM_TYPE("appliesTo.streamTypes[0]") {
            void apply(ObjectNode rule, ArrayNode rules) {
                ((ObjectNode) rule.get("appliesTo")).putArray("streamTypes").add("IMG_FOR_ALL");
            }
        },
        UNKNOWN_PROVINCE("appliesTo.provinces[0]") {
            void apply(ObjectNode rule, ArrayNode rules) {
                ((ObjectNode) rule.get("appliesTo")).putArray("provinces").add("QQ");
            }
        },
        UNKNOWN_CONTACT("nextStep.contact") {
            void apply(ObjectNode rule, ArrayNode rules) {
                ((ObjectNode) rule.get("nextStep")).put("contact", "nobody");
            }
        },
        UNKNOWN_FIELD("priority") {
            void apply(ObjectNode rule, ArrayNode rules) {
                rule.put("priority", 1);
            }
        },
        SELECTABLE_IS_NOT_A_FAILURE("onFailure") {
            void apply(ObjectNode rule, ArrayNode rules) {
                rule.put("onFailure", "SELECTABLE");
            }
        },
        REQUIREMENT_MISSING("require") {
            void apply(ObjectNode rule, ArrayNode rules) {
                rule.remove("require");
            }
        },
        CODE_NOT_A_CODE("code") {
            void apply(ObjectNode rule, ArrayNode rules) {
                rule.put("code", "aimg list required");
            }
        },
        LIST_AS_GUARD("when[0]") {
            void apply(ObjectNode rule, ArrayNode rules) {
                rule.putArray("when").addObject().put("onList", "AIMG");
            }
        },
        DUPLICATE_ID("id") {
            void apply(ObjectNode rule, ArrayNode rules) {
                rules.add(rule.deepCopy());
            }
        };

        final String field;

        Breakage(String field) {
            this.field = field;
        }

        abstract void apply(ObjectNode rule, ArrayNode rules);
    }

    @Property(tries = 150, seed = "2025")
    void validationRejectsABrokenRuleNamingTheRuleAndTheField(
            @ForAll Breakage breakage, @ForAll @IntRange(min = 0, max = 1000) int ruleSeed) {
        ObjectNode tree = RulesFileValidationTest.shippedTree();
        ArrayNode rules = tree.withArray("rules");
        ObjectNode rule = (ObjectNode) rules.get(ruleSeed % rules.size());
        String ruleId = rule.get("id").asText();
        breakage.apply(rule, rules);

        RulesFileException error = catchThrowableOfType(() -> RulesFileParser.parse(tree.toString()), RulesFileException.class);

        assertThat(error).as("%s in %s", breakage, ruleId).isNotNull();
        assertThat(error.ruleId()).isEqualTo(ruleId);
        assertThat(error.field()).isEqualTo(breakage.field);
        assertThat(error.getMessage()).contains("'" + ruleId + "'", "'" + breakage.field + "'");
    }

    @Property(tries = 100, seed = "2025")
    void theEngineReportsRegulierMissingFromTheListExactlyWhenReconciliationDoes(
            @ForAll("applicants") ApplicantFacts applicant, @ForAll("lists") PartnerLists lists) {
        StreamFacts quebec = Fixtures.stream(StreamType.REGULAR_FOR_ALL, Province.QC);
        boolean engineSaysSo = Fixtures.RULES_2025_1.decide(applicant, quebec, lists).reasonCodes()
                .contains(ReasonCodes.QUEBEC_REGULIER_NOT_ON_LIST);
        boolean reconciliationSaysSo = ReconciliationPolicy.contradictions(applicant, lists, Fixtures.RULES_2025_1).stream()
                .anyMatch(c -> c.code().equals(ReconciliationPolicy.QUEBEC_REGULIER_NOT_ON_LIST));

        assertThat(engineSaysSo).isEqualTo(reconciliationSaysSo);
    }
}
