package org.residencymatch.engine.generate;

/**
 * What kind of instance to generate. All randomness comes from {@code seed}: the same spec always
 * gives the same instance.
 *
 * @param applicants           number of applicants (couple members included)
 * @param programs             number of program streams
 * @param couples              number of couples (2 applicants each)
 * @param seed                 seed of the pseudo-random generator
 * @param meanRolLength        mean length of an applicant's ROL (real matches: about 12)
 * @param programRankingShare  share of its applicants a program ranks (real matches: about 0.9)
 * @param positionsPerApplicant total positions divided by applicants (e.g. 0.8)
 * @param popularitySkew       Zipf exponent of the popularity of streams (0 = uniform; 1 = classic
 *                             Zipf): within a discipline and of disciplines in the realistic shape,
 *                             over all streams (weight of the k-th most popular {@code 1/(k+1)^s}) in
 *                             the hard shape
 * @param shape                how lists are drawn, see {@link Shape}
 */
public record GeneratorSpec(int applicants, int programs, int couples, long seed, double meanRolLength,
        double programRankingShare, double positionsPerApplicant, double popularitySkew,
        Shape shape) {

    /** How the generator draws lists. */
    public enum Shape {
        /**
         * Streams in disciplines, applicants mostly in one discipline, streams ranking by a common
         * strength plus their own taste, and couples ranking pairs of their two individual lists in
         * order (best combined position first): the easy case for couples.
         */
        REALISTIC,
        /**
         * The hard case for couples (the kind of instance where plain Roth–Peranson fails to settle):
         * one popularity over all streams, positions drawn by popularity, streams ranking by a noisy
         * common score, and each couple ranking the <em>whole cross product</em> of its partners'
         * individual lists, with some "no match" sides, in a shuffled order of its own (neither
         * partner's order is followed).
         */
        HARD_COUPLES
    }

    /** A spec of the realistic shape. */
    public GeneratorSpec(int applicants, int programs, int couples, long seed, double meanRolLength,
            double programRankingShare, double positionsPerApplicant, double popularitySkew) {
        this(applicants, programs, couples, seed, meanRolLength, programRankingShare, positionsPerApplicant,
                popularitySkew, Shape.REALISTIC);
    }

    public GeneratorSpec {
        java.util.Objects.requireNonNull(shape, "shape");
        if (applicants < 0 || programs < 1 || couples < 0 || 2L * couples > applicants) {
            throw new IllegalArgumentException("need programs >= 1, applicants >= 0 and 2 x couples <= applicants;"
                    + " got applicants=" + applicants + ", programs=" + programs + ", couples=" + couples);
        }
        if (meanRolLength < 1 || programRankingShare <= 0 || programRankingShare > 1
                || positionsPerApplicant < 0 || popularitySkew < 0) {
            throw new IllegalArgumentException("meanRolLength >= 1, 0 < programRankingShare <= 1,"
                    + " positionsPerApplicant >= 0 and popularitySkew >= 0 required");
        }
    }

    /** A realistic spec: ROLs of 12 on average, programs ranking 90%, 0.8 positions per applicant. */
    public static GeneratorSpec of(int applicants, int programs, int couples, long seed) {
        return new GeneratorSpec(applicants, programs, couples, seed, 12, 0.9, 0.8, 0.6);
    }

    /** CaRMS R-1 scale: 5,000 applicants, 815 streams, 4,000 positions, 200 couples. */
    public static GeneratorSpec carms(long seed) {
        return of(5_000, 815, 200, seed);
    }

    /** US national (NRMP) scale: 50,000 applicants, 6,600 streams, 43,000 positions, 1,250 couples. */
    public static GeneratorSpec usNational(long seed) {
        return new GeneratorSpec(50_000, 6_600, 1_250, seed, 12, 0.9, 0.86, 0.6);
    }

    /**
     * The hard shape for couples ({@link Shape#HARD_COUPLES}): ROLs of 12 on average, streams ranking
     * 85% of those who applied, 0.85 positions per applicant, popularity skew 0.6.
     */
    public static GeneratorSpec hard(int applicants, int programs, int couples, long seed) {
        return new GeneratorSpec(applicants, programs, couples, seed, 12, 0.85, 0.85, 0.6, Shape.HARD_COUPLES);
    }

    /**
     * A small instance of the hard shape, its size drawn from the seed: 20 to 80 applicants, 4 to
     * 12 streams, 2 to 10 couples, lists of about 4 (the exact method decides such instances in
     * milliseconds, so they are the oracle's ground).
     */
    public static GeneratorSpec smallHard(long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed * 7919);
        int applicants = 20 + random.nextInt(61);
        int programs = 4 + random.nextInt(9);
        int couples = 2 + random.nextInt(9);
        return hard(applicants, programs, couples, seed).withMeanRolLength(4);
    }

    /** CaRMS scale, hard shape: 5,000 applicants, 815 streams, 300 couples. */
    public static GeneratorSpec carmsHard(long seed) {
        return hard(5_000, 815, 300, seed);
    }

    /** National scale, hard shape: 50,000 applicants, 6,000 streams, 1,500 couples. */
    public static GeneratorSpec nationalHard(long seed) {
        return hard(50_000, 6_000, 1_500, seed);
    }

    /** The same spec with every count multiplied, to show how the engine grows. */
    public GeneratorSpec scaled(int factor) {
        return new GeneratorSpec(applicants * factor, programs * factor, couples * factor, seed, meanRolLength,
                programRankingShare, positionsPerApplicant, popularitySkew, shape);
    }

    /** The same spec without couples. */
    public GeneratorSpec withoutCouples() {
        return new GeneratorSpec(applicants, programs, 0, seed, meanRolLength, programRankingShare,
                positionsPerApplicant, popularitySkew, shape);
    }

    /** The same spec with another mean ROL length (small instances need short lists). */
    public GeneratorSpec withMeanRolLength(double length) {
        return new GeneratorSpec(applicants, programs, couples, seed, length, programRankingShare,
                positionsPerApplicant, popularitySkew, shape);
    }

    /** The same spec with another popularity skew. */
    public GeneratorSpec withPopularitySkew(double skew) {
        return new GeneratorSpec(applicants, programs, couples, seed, meanRolLength, programRankingShare,
                positionsPerApplicant, skew, shape);
    }
}
