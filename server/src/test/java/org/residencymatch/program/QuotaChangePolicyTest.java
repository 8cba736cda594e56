package org.residencymatch.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.Phase;

/** Quotas change until the first iteration's match phase starts, and never after, whatever the second iteration does. */
class QuotaChangePolicyTest {

    static final LocalDateTime REGISTRATION = LocalDateTime.of(2024, 9, 1, 0, 0);

    /** Each phase of iteration 1 starts a month after the previous one; iteration 2 follows the first's results. */
    static Cycle cycle() {
        List<Cycle.PhaseStart> phases = new ArrayList<>();
        for (Phase p : Phase.values()) phases.add(new Cycle.PhaseStart(1, p, REGISTRATION.plusMonths(p.ordinal())));
        for (Phase p : Phase.values()) phases.add(new Cycle.PhaseStart(2, p, REGISTRATION.plusMonths(Phase.values().length + p.ordinal())));
        return new Cycle("2025-R1", "R-1 2025", 2025, phases);
    }

    @Test
    void allowedBeforeTheMatchPhaseEvenBeforeRegistration() {
        assertThat(QuotaChangePolicy.decide(cycle(), REGISTRATION.minusDays(1)).allowed()).isTrue();
        for (Phase p : Phase.values()) {
            if (p.compareTo(Phase.MATCH) >= 0) continue;
            assertThat(QuotaChangePolicy.decide(cycle(), REGISTRATION.plusMonths(p.ordinal())).allowed()).as(p.name()).isTrue();
        }
        assertThat(QuotaChangePolicy.decide(cycle(), REGISTRATION.plusMonths(Phase.MATCH.ordinal()).minusSeconds(1)).allowed()).isTrue();
    }

    @Test
    void refusedFromTheMatchPhaseWithTheReason() {
        LocalDateTime matchStarts = REGISTRATION.plusMonths(Phase.MATCH.ordinal());
        QuotaChangePolicy.Decision atMatch = QuotaChangePolicy.decide(cycle(), matchStarts);
        assertThat(atMatch.allowed()).isFalse();
        assertThat(atMatch.refusal().code()).isEqualTo("QUOTAS_FROZEN");
        assertThat(atMatch.refusal().messageKey()).isEqualTo("quota.refused.frozen");
        assertThat(atMatch.refusal().arguments())
                .containsExactly("2025-R1", cycle().local(matchStarts), new org.residencymatch.Refusal.Key("phase.name.MATCH"));
        assertThat(atMatch.refusal().nextStep()).isNotNull();
        assertThat(QuotaChangePolicy.decide(cycle(), REGISTRATION.plusMonths(Phase.RESULTS_RELEASE.ordinal())).allowed()).isFalse();
        assertThat(QuotaChangePolicy.decide(cycle(), REGISTRATION.plusMonths(Phase.values().length + 2)).allowed())
                .as("during the second iteration too").isFalse();
    }
}
