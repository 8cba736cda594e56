package org.residencymatch.exact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact method as the oracle of the engine's portfolio, on small instances of the hard kind
 * (couples ranking shuffled cross products, skewed popularity): wherever a stable matching exists
 * the portfolio finds one, and it never calls a matching stable that the audit or the exact method
 * contradicts ({@link OracleSweep} throws on either).
 */
class PortfolioAgainstExactTest {

    /**
     * 200 instances here (a few seconds); the benchmarks' {@code CouplesSweepHarness} runs the same
     * sweep over 10,000 and its rates are in docs/BENCHMARKS.md.
     */
    @Test
    void portfolioFindsAStableMatchingWheneverOneExists() {
        OracleSweep.Rates rates = OracleSweep.run(1, 200);
        System.out.println("[PortfolioAgainstExactTest] " + rates);
        assertThat(rates.exists()).isGreaterThan(150);
        assertThat(rates.none()).isPositive();
        assertThat(rates.missed()).isZero();
    }
}
