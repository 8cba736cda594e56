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
 * @param popularitySkew       Zipf exponent of the popularity of streams within a discipline and
 *                             of disciplines (0 = uniform; 1 = classic Zipf)
 */
public record GeneratorSpec(int applicants, int programs, int couples, long seed, double meanRolLength,
                            double programRankingShare, double positionsPerApplicant, double popularitySkew) {

    public GeneratorSpec {
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

    /** The same spec with every count multiplied, to show how the engine grows. */
    public GeneratorSpec scaled(int factor) {
        return new GeneratorSpec(applicants * factor, programs * factor, couples * factor, seed, meanRolLength,
                programRankingShare, positionsPerApplicant, popularitySkew);
    }

    /** The same spec without couples. */
    public GeneratorSpec withoutCouples() {
        return new GeneratorSpec(applicants, programs, 0, seed, meanRolLength, programRankingShare,
                positionsPerApplicant, popularitySkew);
    }
}
