package org.residencymatch.engine.generate;

import org.junit.jupiter.api.Test;
import org.residencymatch.engine.MatchInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InstanceGeneratorTest {

    private final MatchInstance carms = InstanceGenerator.generate(GeneratorSpec.carms(3));

    @Test
    void hasTheRequestedSizes() {
        assertThat(carms.applicantCount()).isEqualTo(5_000);
        assertThat(carms.programCount()).isEqualTo(815);
        assertThat(carms.coupleCount()).isEqualTo(200);
        assertThat(carms.totalPositions()).isEqualTo(4_000);
    }

    @Test
    void looksLikeARealMatch() {
        int singles = carms.applicantCount() - 2 * carms.coupleCount();
        double meanRol = (double) carms.applicantRolEntryCount() / singles;
        assertThat(meanRol).isCloseTo(12.0, within(1.0));

        // Programs rank about 90% of those who applied to them (singles' applications here).
        long applied = carms.applicantRolEntryCount();
        long rankedBack = 0;
        for (int entry = 0; entry < carms.applicantRolEntryCount(); entry++) {
            if (carms.applicantRolProgramRank(entry) != MatchInstance.UNRANKED) {
                rankedBack++;
            }
        }
        assertThat((double) rankedBack / applied).isCloseTo(0.9, within(0.02));

        // Popularity is skewed: the most ranked stream draws many times the median.
        int[] applications = new int[carms.programCount()];
        for (int entry = 0; entry < carms.applicantRolEntryCount(); entry++) {
            applications[carms.applicantRolProgram(entry)]++;
        }
        int[] sorted = applications.clone();
        java.util.Arrays.sort(sorted);
        assertThat(sorted[sorted.length - 1]).isGreaterThan(5 * sorted[sorted.length / 2]);

        // Some couples accept that one partner goes unmatched.
        boolean someNoMatchSide = false;
        for (int pair = 0; pair < carms.pairEntryCount(); pair++) {
            someNoMatchSide |= carms.pairFirstProgram(pair) == MatchInstance.NO_PROGRAM
                    || carms.pairSecondProgram(pair) == MatchInstance.NO_PROGRAM;
        }
        assertThat(someNoMatchSide).isTrue();
    }

    @Test
    void sameSeedGivesTheSameInstanceAndAnotherSeedAnotherOne() {
        MatchInstance again = InstanceGenerator.generate(GeneratorSpec.carms(3));
        MatchInstance other = InstanceGenerator.generate(GeneratorSpec.carms(4));
        for (int p = 0; p < carms.programCount(); p++) {
            assertThat(again.programRolIds(p)).isEqualTo(carms.programRolIds(p));
            assertThat(again.quota(p)).isEqualTo(carms.quota(p));
        }
        for (int a = 0; a < carms.applicantCount(); a++) {
            assertThat(again.applicantRolIds(a)).isEqualTo(carms.applicantRolIds(a));
        }
        for (int c = 0; c < carms.coupleCount(); c++) {
            assertThat(again.couplePairIds(c)).isEqualTo(carms.couplePairIds(c));
        }
        assertThat(other.applicantRolIds(0)).isNotEqualTo(carms.applicantRolIds(0));
    }

    @Test
    void hardShapeHasCouplesRankingTheShuffledCrossProductOfTheirPartnersLists() {
        MatchInstance hard = InstanceGenerator.generate(GeneratorSpec.carmsHard(5));
        assertThat(hard.applicantCount()).isEqualTo(5_000);
        assertThat(hard.programCount()).isEqualTo(815);
        assertThat(hard.coupleCount()).isEqualTo(300);
        assertThat(hard.totalPositions()).isEqualTo(4_250);

        int followsFirstPartner = 0;
        int withNoMatchSide = 0;
        for (int c = 0; c < hard.coupleCount(); c++) {
            java.util.LinkedHashSet<Integer> firsts = new java.util.LinkedHashSet<>();
            java.util.LinkedHashSet<Integer> seconds = new java.util.LinkedHashSet<>();
            java.util.Set<Long> bothSides = new java.util.HashSet<>();
            boolean noMatchSide = false;
            for (int e = hard.couplePairStart(c); e < hard.couplePairEnd(c); e++) {
                int first = hard.pairFirstProgram(e);
                int second = hard.pairSecondProgram(e);
                if (first == MatchInstance.NO_PROGRAM || second == MatchInstance.NO_PROGRAM) {
                    noMatchSide = true;
                    continue;
                }
                firsts.add(first);
                seconds.add(second);
                bothSides.add(((long) first << 32) | second);
            }
            // Every pair of the two partners' individual choices, once.
            assertThat(bothSides).hasSize(firsts.size() * seconds.size());
            withNoMatchSide += noMatchSide ? 1 : 0;
            // In partner order the pairs would list the first partner's choices in runs.
            int runs = 1;
            for (int e = hard.couplePairStart(c) + 1; e < hard.couplePairEnd(c); e++) {
                if (hard.pairFirstProgram(e) != hard.pairFirstProgram(e - 1)) {
                    runs++;
                }
            }
            if (runs <= firsts.size() + 2) {
                followsFirstPartner++;
            }
        }
        assertThat(withNoMatchSide).isBetween(100, 200);
        assertThat(followsFirstPartner).isLessThan(hard.coupleCount() / 10);

        // Streams rank about 85% of the singles who applied.
        long rankedBack = 0;
        for (int entry = 0; entry < hard.applicantRolEntryCount(); entry++) {
            if (hard.applicantRolProgramRank(entry) != MatchInstance.UNRANKED) {
                rankedBack++;
            }
        }
        assertThat((double) rankedBack / hard.applicantRolEntryCount()).isCloseTo(0.85, within(0.02));
    }

    @Test
    void popularitySkewConcentratesApplicationsOnTheMostPopularStreams() {
        double flatShare = topDecileShare(InstanceGenerator.generate(GeneratorSpec.hard(3_000, 300, 0, 1).withPopularitySkew(0)));
        double skewedShare = topDecileShare(InstanceGenerator.generate(GeneratorSpec.hard(3_000, 300, 0, 1).withPopularitySkew(1)));
        assertThat(flatShare).isLessThan(0.15);
        assertThat(skewedShare).isGreaterThan(2 * flatShare);
    }

    private static double topDecileShare(MatchInstance instance) {
        int[] applications = new int[instance.programCount()];
        for (int entry = 0; entry < instance.applicantRolEntryCount(); entry++) {
            applications[instance.applicantRolProgram(entry)]++;
        }
        java.util.Arrays.sort(applications);
        long top = 0;
        for (int p = applications.length - applications.length / 10; p < applications.length; p++) {
            top += applications[p];
        }
        return (double) top / instance.applicantRolEntryCount();
    }
}
