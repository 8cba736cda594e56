package org.residencymatch.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When one partner's save of the couple's list is told to the other (issue #16). */
class PartnerNoticePolicyTest {

    static RankList version(String status, String savedBy) {
        return new RankList(1, RankListService.COUPLE, "7", 1, status, LocalDateTime.of(2025, 1, 20, 12, 0), savedBy, List.of());
    }

    @Test
    void aSubmissionIsAlwaysTold() {
        assertThat(PartnerNoticePolicy.decide(Optional.of(version("DRAFT", "user:1")), true, "user:1").orElseThrow().kind())
                .isEqualTo(PartnerNoticePolicy.Kind.SUBMITTED);
        assertThat(PartnerNoticePolicy.decide(Optional.empty(), true, "user:1").orElseThrow().kind())
                .isEqualTo(PartnerNoticePolicy.Kind.SUBMITTED);
    }

    @Test
    void aDraftIsToldWhenItStartsOrTakesOverTheOthersDraft() {
        assertThat(PartnerNoticePolicy.decide(Optional.empty(), false, "user:1").orElseThrow().kind())
                .isEqualTo(PartnerNoticePolicy.Kind.CHANGED);
        assertThat(PartnerNoticePolicy.decide(Optional.of(version("SUBMITTED", "user:1")), false, "user:1")).isPresent();
        assertThat(PartnerNoticePolicy.decide(Optional.of(version("DRAFT", "user:2")), false, "user:1").orElseThrow().reason())
                .contains("changed by the other");
    }

    @Test
    void furtherSavesOfOnesOwnDraftAreNotTold() {
        assertThat(PartnerNoticePolicy.decide(Optional.of(version("DRAFT", "user:1")), false, "user:1")).isEmpty();
    }
}
