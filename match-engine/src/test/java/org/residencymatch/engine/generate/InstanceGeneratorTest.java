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
}
