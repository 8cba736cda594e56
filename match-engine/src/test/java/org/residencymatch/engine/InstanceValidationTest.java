package org.residencymatch.engine;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every rule of the instance format, broken once, is refused with kind, id, field and why. */
class InstanceValidationTest {

    @Test
    void acceptsAWellFormedInstanceAndKeepsDeclarationOrder() {
        MatchInstance instance = MatchInstance.builder()
                .program("27447", 2, List.of("A1", "A7", "A3", "A4"))
                .program("27416", 1, List.of("A4"))
                .applicant("A1", List.of("27447", "27416"))
                .applicant("A3")
                .applicant("A4")
                .applicant("A7", List.of("27447"))
                .couple("C1", "A3", "A4", List.of(ProgramPair.of("27447", "27416"), ProgramPair.of("27447", null),
                        ProgramPair.of(null, "27416")))
                .build();

        assertThat(instance.applicantCount()).isEqualTo(4);
        assertThat(instance.applicantId(3)).isEqualTo("A7");
        assertThat(instance.totalPositions()).isEqualTo(3);
        assertThat(instance.couplePairIds(0)).containsExactly(ProgramPair.of("27447", "27416"),
                ProgramPair.of("27447", null), ProgramPair.of(null, "27416"));
        assertThat(instance.programRolIds(0)).containsExactly("A1", "A7", "A3", "A4");
        // Dense cross references: A1's first choice ranks A1 first; A4 is unranked by its own list.
        int a1 = instance.applicantIndex("A1");
        assertThat(instance.applicantRolProgramRank(instance.applicantRolStart(a1))).isZero();
        assertThat(instance.applicantRolProgramRank(instance.applicantRolStart(a1) + 1)).isEqualTo(MatchInstance.UNRANKED);
        assertThat(instance.pairFirstRank(instance.couplePairStart(0))).isEqualTo(2);
        assertThat(instance.pairSecondRank(instance.couplePairStart(0))).isZero();
        assertThat(instance.pairSecondRank(instance.couplePairStart(0) + 1)).isEqualTo(MatchInstance.UNRANKED);
    }

    @Test
    void duplicateIds() {
        assertRefused(MatchInstance.builder()
                .program("P", 1, List.of()).program("P", 2, List.of())
                .applicant("A").applicant("A")
                .applicant("B").applicant("C").applicant("D").applicant("E")
                .couple("K", "B", "C", List.of(ProgramPair.of("P", null)))
                .couple("K", "D", "E", List.of()),
                new InstanceProblem("program", "P", "id", "duplicate program id: also program #1 (ids must be unique within their kind)"),
                new InstanceProblem("applicant", "A", "id",
                        "duplicate applicant id: also applicant #1 (ids must be unique within their kind)"),
                new InstanceProblem("couple", "K", "id", "duplicate couple id: also couple #1 (ids must be unique within their kind)"));
    }

    @Test
    void missingIds() {
        assertRefused(MatchInstance.builder().program(" ", 1, List.of()).applicant(null),
                new InstanceProblem("program", " ", "id", "is missing or blank (program #1)"),
                new InstanceProblem("applicant", null, "id", "is missing or blank (applicant #1)"));
    }

    @Test
    void unknownReferences() {
        assertRefused(MatchInstance.builder()
                .program("P", 1, List.of("A", "Ghost"))
                .applicant("A", List.of("P", "Nowhere"))
                .applicant("B")
                .couple("K", "B", "Nobody", List.of(ProgramPair.of("P", "Elsewhere"))),
                new InstanceProblem("program", "P", "rol[1]", "refers to unknown applicant \"Ghost\""),
                new InstanceProblem("applicant", "A", "rol[1]", "refers to unknown program \"Nowhere\""),
                new InstanceProblem("couple", "K", "second", "refers to unknown applicant \"Nobody\""),
                new InstanceProblem("couple", "K", "rol[0][1]", "refers to unknown program \"Elsewhere\""));
    }

    @Test
    void duplicateRolEntries() {
        assertRefused(MatchInstance.builder()
                .program("P", 1, List.of("A", "A"))
                .program("Q", 1, List.of())
                .applicant("A", List.of("P", "Q", "P"))
                .applicant("B").applicant("C")
                .couple("K", "B", "C", List.of(ProgramPair.of("P", "Q"), ProgramPair.of("P", "Q"))),
                new InstanceProblem("program", "P", "rol[1]", "applicant \"A\" is ranked twice (also at rol[0])"),
                new InstanceProblem("applicant", "A", "rol[2]", "program \"P\" is ranked twice (also at rol[0])"),
                new InstanceProblem("couple", "K", "rol[1]", "pair [\"P\", \"Q\"] is ranked twice (also at rol[0])"));
    }

    @Test
    void applicantInTwoCouplesAndCoupleOfOneApplicant() {
        assertRefused(MatchInstance.builder()
                .applicant("A").applicant("B").applicant("C").applicant("D")
                .couple("K1", "A", "B", List.of())
                .couple("K2", "A", "C", List.of())
                .couple("K3", "D", "D", List.of()),
                new InstanceProblem("couple", "K2", "first",
                        "applicant \"A\" is already a member of couple \"K1\" (an applicant is in at most one couple)"),
                new InstanceProblem("couple", "K3", "second", "is the same applicant as first (\"D\")"));
    }

    @Test
    void coupleMemberWithOwnRol() {
        assertRefused(MatchInstance.builder()
                .program("P", 1, List.of())
                .applicant("A", List.of("P")).applicant("B")
                .couple("K", "A", "B", List.of(ProgramPair.of("P", null))),
                new InstanceProblem("applicant", "A", "rol",
                        "is a member of couple \"K\" and must not have a ROL of their own (the couple's list of pairs applies)"));
    }

    @Test
    void nullNullPairAndNullEntries() {
        assertRefused(MatchInstance.builder()
                .program("P", 1, Arrays.asList("A", null))
                .applicant("A", Arrays.asList("P", null))
                .applicant("B").applicant("C")
                .couple("K", "B", "C", Arrays.asList(ProgramPair.of("P", null), ProgramPair.of(null, null), null)),
                new InstanceProblem("program", "P", "rol[1]", "is null: a program ROL holds applicant ids"),
                new InstanceProblem("applicant", "A", "rol[1]", "is null: an applicant ROL holds program stream ids"),
                new InstanceProblem("couple", "K", "rol[1]", "[null, null] is not allowed: at least one partner must be matched in a pair"),
                new InstanceProblem("couple", "K", "rol[2]",
                        "[null, null] is not allowed: at least one partner must be matched in a pair"));
    }

    @Test
    void negativeQuota() {
        assertRefused(MatchInstance.builder().program("P", -1, List.of()),
                new InstanceProblem("program", "P", "quota", "must be an integer >= 0, was -1"));
    }

    @Test
    void messageNamesEveryProblem() {
        InvalidInstanceException refused = catchThrowableOfType(InvalidInstanceException.class,
                () -> MatchInstance.builder().program("P", -3, List.of("X")).build());
        assertThat(refused.getMessage())
                .contains("invalid match instance (2 problems)")
                .contains("program \"P\", field quota: must be an integer >= 0, was -3")
                .contains("program \"P\", field rol[0]: refers to unknown applicant \"X\"");
    }

    @Test
    void declaringBySymbolsIsDeclaringByIds() {
        MatchInstanceBuilder byIds = MatchInstance.builder()
                .program("P", 2, List.of("A", "B", "Ghost"))
                .program("Q", 1, List.of("A", "A"))
                .applicant("A", List.of("P", "Q"))
                .applicant("B").applicant("C")
                .couple("K", "B", "C", List.of(ProgramPair.of("P", "Q"), ProgramPair.of("P", null), ProgramPair.of("P", "Q")));
        MatchInstanceBuilder bySymbols = MatchInstance.builder();
        IdTable programs = bySymbols.programIds();
        IdTable applicants = bySymbols.applicantIds();
        // A first declaration of the programs, forgotten: a reader met the list twice.
        bySymbols.programBySymbols(programs.intern("Stale"), 9, new int[]{applicants.intern("A")}, 1);
        bySymbols.clearPrograms();
        bySymbols.programBySymbols(programs.intern("P"), 2,
                new int[]{applicants.intern("A"), applicants.intern("B"), applicants.intern("Ghost"), 99}, 3);
        bySymbols.programBySymbols(programs.intern("Q"), 1, new int[]{applicants.intern("A"), applicants.intern("A")}, 2);
        bySymbols.applicantBySymbols(applicants.intern("A"), new int[]{programs.intern("P"), programs.intern("Q")}, 2);
        bySymbols.applicantBySymbols(applicants.intern("B"), null, 0);
        bySymbols.applicantBySymbols(applicants.intern("C"), null, 0);
        int p = programs.intern("P");
        int q = programs.intern("Q");
        bySymbols.coupleBySymbols(bySymbols.coupleIds().intern("K"), applicants.intern("B"), applicants.intern("C"),
                new int[]{p, p, p}, new int[]{q, IdTable.NULL, q}, 3);

        InvalidInstanceException expected = catchThrowableOfType(InvalidInstanceException.class, byIds::build);
        InvalidInstanceException actual = catchThrowableOfType(InvalidInstanceException.class, bySymbols::build);
        assertThat(expected.problems()).hasSize(3);
        assertThat(actual.problems()).containsExactlyElementsOf(expected.problems());
    }

    @Test
    void anInstanceFindsItsIdsAndNoOthers() {
        MatchInstanceBuilder builder = MatchInstance.builder();
        builder.programBySymbols(builder.programIds().intern("Stale"), 1, new int[0], 0);
        builder.clearPrograms();
        MatchInstance instance = builder.program("P", 1, List.of("A")).applicant("B").applicant("A", List.of("P"))
                .couple("K", "B", "C2", List.of()).applicant("C2").build();
        assertThat(instance.programIndex("P")).isZero();
        assertThat(instance.programIndex("Stale")).isEqualTo(-1);
        assertThat(instance.programIndex("A")).isEqualTo(-1);
        assertThat(instance.applicantIndex("A")).isEqualTo(1);
        assertThat(instance.applicantIndex("C2")).isEqualTo(2);
        assertThat(instance.applicantIndex(null)).isEqualTo(-1);
        assertThat(instance.coupleIndex("K")).isZero();
        assertThat(instance.coupleIndex("B")).isEqualTo(-1);
    }

    private static void assertRefused(MatchInstanceBuilder builder, InstanceProblem... expected) {
        InvalidInstanceException refused = catchThrowableOfType(InvalidInstanceException.class, builder::build);
        assertThat(refused).as("the instance should be refused").isNotNull();
        assertThat(refused.problems()).containsExactlyInAnyOrder(expected);
    }
}
