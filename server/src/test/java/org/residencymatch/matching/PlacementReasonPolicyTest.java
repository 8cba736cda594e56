package org.residencymatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.residencymatch.engine.MatchEngine;
import org.residencymatch.engine.MatchInstanceBuilder;
import org.residencymatch.engine.MatchResult;
import org.residencymatch.matching.PlacementReasonPolicy.Explanation;
import org.residencymatch.matching.PlacementReasonPolicy.Pair;
import org.residencymatch.matching.PlacementReasonPolicy.Program;
import org.residencymatch.matching.PlacementReasonPolicy.Reason;

/** Why each program on an unmatched applicant's list did not place them, from the stored run alone. */
class PlacementReasonPolicyTest {

    static final String ME = "A-1";

    static Map<String, Program> programs(Object... streamAndProgram) {
        Map<String, Program> programs = new HashMap<>();
        for (int i = 0; i < streamAndProgram.length; i += 2) programs.put((String) streamAndProgram[i], (Program) streamAndProgram[i + 1]);
        return programs;
    }

    static Reason single(Program program) {
        return PlacementReasonPolicy.single(ME, List.of("S"), programs("S", program), Set.of("S")).get(0).reason();
    }

    @Test
    void aProgramThatDidNotRankTheApplicantSaysSo() {
        assertThat(single(new Program(List.of("A-2", "A-3"), 1, Set.of("A-2")))).isEqualTo(Reason.DID_NOT_RANK_YOU);
        assertThat(single(new Program(List.of(), 3, Set.of()))).as("a program without a list in force ranked nobody")
                .isEqualTo(Reason.DID_NOT_RANK_YOU);
    }

    @Test
    void aProgramFilledWithApplicantsItRankedAboveSaysSo() {
        assertThat(single(new Program(List.of("A-2", "A-3", ME, "A-4"), 2, Set.of("A-2", "A-3"))))
                .isEqualTo(Reason.FILLED_WITH_APPLICANTS_RANKED_ABOVE_YOU);
    }

    @Test
    void neverFilledWhileAPositionWasFreeOrSomeoneRankedBelowWasPlaced() {
        assertThat(single(new Program(List.of("A-2", ME), 2, Set.of("A-2")))).as("a free position").isEqualTo(Reason.NOT_EXPLAINED);
        assertThat(single(new Program(List.of("A-2", ME, "A-3"), 2, Set.of("A-2", "A-3")))).as("placed someone ranked below")
                .isEqualTo(Reason.NOT_EXPLAINED);
        assertThat(single(new Program(List.of("A-2", ME), 2, Set.of("A-2", "A-9")))).as("placed someone it did not rank")
                .isEqualTo(Reason.NOT_EXPLAINED);
        assertThat(single(new Program(List.of(ME), 0, Set.of()))).isEqualTo(Reason.NO_POSITIONS);
    }

    @Test
    void anApplicationLeftOutOfTheMatchIsNamedAsSuchWhenTheProgramProvesNothing() {
        var explanations = PlacementReasonPolicy.single(ME, List.of("S", "T"), programs(
                "S", new Program(List.of(ME), 1, Set.of()), "T", new Program(List.of("A-2"), 1, Set.of("A-2"))), Set.of());
        assertThat(explanations).extracting(Explanation::streamId, Explanation::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S", Reason.APPLICATION_NOT_IN_MATCH),
                        org.assertj.core.groups.Tuple.tuple("T", Reason.DID_NOT_RANK_YOU));
    }

    @Test
    void aCouplesPairThatItsOwnSideDoesNotExplainCouldNotBePlacedTogether() {
        Map<String, Program> programs = programs(
                "S", new Program(List.of(ME), 1, Set.of()),
                "T", new Program(List.of("A-5"), 1, Set.of("A-5")),
                "U", new Program(List.of("A-5", ME), 1, Set.of("A-5")));
        List<Pair> pairs = List.of(new Pair("S", "X"), new Pair("T", "X"), new Pair("U", "Y"), new Pair(null, "Z"), new Pair("S", null));
        var explanations = PlacementReasonPolicy.couple(ME, pairs, programs, Set.of("S", "T", "U"), new Pair(null, "Z"));
        assertThat(explanations).extracting(Explanation::streamId, Explanation::partnerStreamId, Explanation::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("S", "X", Reason.PAIR_NOT_PLACED_TOGETHER),
                org.assertj.core.groups.Tuple.tuple("T", "X", Reason.DID_NOT_RANK_YOU),
                org.assertj.core.groups.Tuple.tuple("U", "Y", Reason.FILLED_WITH_APPLICANTS_RANKED_ABOVE_YOU));
        assertThat(explanations).as("up to the pair the couple was placed at, which put this partner at no match")
                .allMatch(Explanation::couple);
        assertThat(PlacementReasonPolicy.couple(ME, pairs, programs, Set.of("S", "T", "U"), null))
                .as("placed nowhere: every pair with a program of theirs")
                .extracting(Explanation::streamId).containsExactly("S", "T", "U", "S");
    }

    /**
     * Whatever the data, "filled with applicants ranked above you" is said only when the program ranked
     * the applicant, had no free position, and placed nobody it ranked below them or did not rank; and
     * "did not rank you" only when it did not.
     */
    @Property(tries = 2000)
    void filledIsNeverSaidWhileAPositionWasFreeOrSomeoneRankedBelowWasPlaced(@ForAll long seed) {
        Random random = new Random(seed);
        List<String> people = new ArrayList<>(List.of(ME, "A-2", "A-3", "A-4", "A-5", "A-6", "A-7"));
        Collections.shuffle(people, random);
        List<String> ranked = people.subList(0, random.nextInt(people.size() + 1));
        Set<String> matched = new HashSet<>();
        for (String p : people) if (!p.equals(ME) && random.nextInt(3) == 0) matched.add(p);
        Program program = new Program(ranked, random.nextInt(5), matched);

        Reason reason = single(program);

        if (reason == Reason.FILLED_WITH_APPLICANTS_RANKED_ABOVE_YOU) {
            int mine = ranked.indexOf(ME);
            assertThat(mine).as("ranked").isNotNegative();
            assertThat(matched.size()).as("no free position").isGreaterThanOrEqualTo(program.positions()).isPositive();
            assertThat(matched).as("everyone placed was ranked above")
                    .allMatch(other -> ranked.contains(other) && ranked.indexOf(other) < mine);
        }
        assertThat(reason == Reason.DID_NOT_RANK_YOU).isEqualTo(!ranked.contains(ME));
    }

    /**
     * In a run of singles (deferred acceptance is stable), every program on an unmatched applicant's
     * list is explained by its own data: it did not rank them, had no position, or filled its positions
     * with applicants it ranked above them. Nothing is left "not explained".
     */
    @Property(tries = 300)
    void everyProgramOnAnUnmatchedListIsExplainedByAStableRun(@ForAll long seed) {
        Random random = new Random(seed);
        int programCount = 1 + random.nextInt(5), applicantCount = 1 + random.nextInt(10);
        List<String> streams = new ArrayList<>(), applicants = new ArrayList<>();
        for (int p = 0; p < programCount; p++) streams.add("S" + p);
        for (int a = 0; a < applicantCount; a++) applicants.add("A" + a);
        Map<String, List<String>> applicantLists = new HashMap<>();
        Map<String, Program> programs = new HashMap<>();
        Map<String, List<String>> programLists = new HashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        MatchInstanceBuilder builder = org.residencymatch.engine.MatchInstance.builder();
        for (String stream : streams) {
            List<String> rol = new ArrayList<>(applicants);
            Collections.shuffle(rol, random);
            rol = new ArrayList<>(rol.subList(0, random.nextInt(rol.size() + 1)));
            programLists.put(stream, rol);
            positions.put(stream, random.nextInt(3));
            builder.program(stream, positions.get(stream), rol);
        }
        for (String applicant : applicants) {
            List<String> rol = new ArrayList<>(streams);
            Collections.shuffle(rol, random);
            rol = new ArrayList<>(rol.subList(0, random.nextInt(rol.size() + 1)));
            applicantLists.put(applicant, rol);
            builder.applicant(applicant, rol);
        }
        MatchResult result = new MatchEngine().run(builder.build(), seed);
        assertThat(result.stable()).isTrue();
        Map<String, Set<String>> placed = new HashMap<>();
        result.assignments().forEach((applicant, stream) -> {
            if (stream != null) placed.computeIfAbsent(stream, s -> new HashSet<>()).add(applicant);
        });
        for (String stream : streams)
            programs.put(stream, new Program(programLists.get(stream), positions.get(stream), placed.getOrDefault(stream, Set.of())));

        for (String applicant : applicants) {
            if (result.assignments().get(applicant) != null) continue;
            List<String> list = applicantLists.get(applicant);
            var explanations = PlacementReasonPolicy.single(applicant, list, programs, new HashSet<>(list));
            assertThat(explanations).extracting(Explanation::streamId).containsExactlyElementsOf(list);
            assertThat(explanations).extracting(Explanation::reason)
                    .allMatch(r -> r == Reason.DID_NOT_RANK_YOU || r == Reason.NO_POSITIONS
                            || r == Reason.FILLED_WITH_APPLICANTS_RANKED_ABOVE_YOU);
        }
    }
}
