package org.residencymatch.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankListLengthsTest {

    @Test
    void eachLengthFallsInExactlyOneRange() {
        RankListLengths lengths = RankListLengths.count(List.of(0, 1, 1, 5, 6, 10, 11, 20, 21, 300));

        assertThat(lengths.lists()).isEqualTo(10);
        assertThat(lengths.ranges()).extracting(RankListLengths.Range::min, RankListLengths.Range::max, RankListLengths.Range::lists)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 0, 1), org.assertj.core.groups.Tuple.tuple(1, 1, 2),
                        org.assertj.core.groups.Tuple.tuple(2, 2, 0), org.assertj.core.groups.Tuple.tuple(3, 3, 0),
                        org.assertj.core.groups.Tuple.tuple(4, 4, 0), org.assertj.core.groups.Tuple.tuple(5, 5, 1),
                        org.assertj.core.groups.Tuple.tuple(6, 10, 2), org.assertj.core.groups.Tuple.tuple(11, 15, 1),
                        org.assertj.core.groups.Tuple.tuple(16, 20, 1), org.assertj.core.groups.Tuple.tuple(21, null, 2));
    }

    @Test
    void noListsGivesEveryRangeEmpty() {
        RankListLengths lengths = RankListLengths.count(List.of());
        assertThat(lengths.lists()).isZero();
        assertThat(lengths.ranges()).hasSize(10).allSatisfy(r -> assertThat(r.lists()).isZero());
    }
}
