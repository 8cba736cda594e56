package org.residencymatch.engine.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchInstanceBuilder;
import org.residencymatch.engine.ProgramPair;
import org.residencymatch.engine.ProgressListener;

/**
 * Generates realistic match instances, deterministically from a {@link GeneratorSpec} (pure: no
 * I/O, all randomness from a seeded {@link SplittableRandom}). Used by the benchmarks and by the
 * command line.
 *
 * <p>The shape follows real residency matches:
 * <ul>
 *   <li>streams belong to disciplines; an applicant picks a discipline and takes most of their
 *       ROL in it, the rest anywhere; within a discipline, and among disciplines, popularity is
 *       Zipf-like, so a few streams draw many applicants and many draw few;</li>
 *   <li>ROL lengths are spread around the mean (about 12 in real matches);</li>
 *   <li>each stream ranks about 90% of those who ranked it, in an order driven by a common
 *       applicant strength plus the stream's own taste;</li>
 *   <li>each couple partner has an individual list; the couple ranks pairs of them, best combined
 *       positions first, and some couples add "no match" sides as a last resort;</li>
 *   <li>positions total about {@code positionsPerApplicant} times the applicants, popular streams
 *       having larger quotas.</li>
 * </ul>
 *
 * <p>The {@link GeneratorSpec.Shape#HARD_COUPLES hard shape} is the kind of instance on which
 * sequential couples algorithms are compared (Kojima, Pathak and Roth, QJE 2013, appendix B;
 * Biró, Manlove and McBride, SEA 2014): one popularity over all streams (the k-th most popular
 * weighs {@code 1/(k+1)^skew}), every position drawn by popularity, streams ranking a share of
 * those who applied by a common score plus noise, and each couple ranking the cross product of its
 * partners' individual lists (plus, for half of the couples, "no match" for one partner beside the
 * other's first two choices) in a shuffled order, so that neither partner's order is followed.
 */
public final class InstanceGenerator {

    private static final int PROGRAMS_PER_DISCIPLINE = 20;
    private static final int MAX_DISCIPLINES = 40;
    /** Share of an applicant's ROL within their own discipline. */
    private static final double OWN_DISCIPLINE_SHARE = 0.8;
    private static final double ROL_LENGTH_SPREAD = 4.5;
    /** Weight of a stream's own taste against the common applicant strength. */
    private static final double PROGRAM_TASTE = 0.7;
    /** Share of couples who also rank pairs where one partner goes unmatched. */
    private static final double COUPLES_ACCEPTING_NO_MATCH_SIDE = 0.5;
    /** Hard shape: weight of the noise against the common score in a stream's ranking. */
    private static final double HARD_SCORE_NOISE = 0.5;

    private final GeneratorSpec spec;
    private final SplittableRandom random;
    private final int disciplines;
    private final int[][] disciplinePrograms;
    private final double[][] disciplineCumulative;
    private final double[] disciplineCumulativeWeight;
    private final double[] programWeight;
    /** Hard shape: cumulative popularity over all streams, by stream index. */
    private double[] programCumulative;

    private InstanceGenerator(GeneratorSpec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed());
        this.disciplines = Math.max(1, Math.min(MAX_DISCIPLINES, spec.programs() / PROGRAMS_PER_DISCIPLINE));
        this.disciplinePrograms = new int[disciplines][];
        this.disciplineCumulative = new double[disciplines][];
        this.disciplineCumulativeWeight = cumulativeZipf(disciplines, spec.popularitySkew());
        this.programWeight = new double[spec.programs()];
        if (hard()) {
            layOutGlobalPopularity();
        } else {
            layOutDisciplines();
        }
    }

    private boolean hard() {
        return spec.shape() == GeneratorSpec.Shape.HARD_COUPLES;
    }

    /** Hard shape: streams in a random order of popularity, the k-th weighing 1/(k+1)^skew. */
    private void layOutGlobalPopularity() {
        int[] order = permutation(spec.programs());
        for (int k = 0; k < order.length; k++) {
            // The k-th most popular (k counted from 1) weighs 1/(k+1)^skew.
            programWeight[order[k]] = Math.pow(k + 2, -spec.popularitySkew());
        }
        programCumulative = new double[spec.programs()];
        double sum = 0;
        for (int p = 0; p < programWeight.length; p++) {
            sum += programWeight[p];
            programCumulative[p] = sum;
        }
    }

    /** Generates the instance described by the spec. */
    public static MatchInstance generate(GeneratorSpec spec) {
        return generate(spec, ProgressListener.SILENT);
    }

    /** Generates the instance described by the spec, reporting progress. */
    public static MatchInstance generate(GeneratorSpec spec, ProgressListener progress) {
        return new InstanceGenerator(spec).build(progress);
    }

    /** Streams are shuffled, then dealt to disciplines; popularity falls with the rank in the discipline. */
    private void layOutDisciplines() {
        int[] order = permutation(spec.programs());
        int[] sizes = new int[disciplines];
        for (int i = 0; i < order.length; i++) {
            sizes[i % disciplines]++;
        }
        for (int d = 0; d < disciplines; d++) {
            disciplinePrograms[d] = new int[sizes[d]];
            disciplineCumulative[d] = cumulativeZipf(sizes[d], spec.popularitySkew());
        }
        for (int i = 0; i < order.length; i++) {
            int discipline = i % disciplines;
            int localRank = i / disciplines;
            disciplinePrograms[discipline][localRank] = order[i];
            double disciplineShare = share(disciplineCumulativeWeight, discipline);
            programWeight[order[i]] = disciplineShare * share(disciplineCumulative[discipline], localRank);
        }
    }

    private MatchInstance build(ProgressListener progress) {
        int applicants = spec.applicants();
        double[] strength = new double[applicants];
        for (int a = 0; a < applicants; a++) {
            strength[a] = random.nextGaussian();
        }
        // Couple members are spread at random over the applicants.
        int[] order = permutation(applicants);
        int[] coupleOf = new int[applicants];
        Arrays.fill(coupleOf, -1);
        for (int c = 0; c < spec.couples(); c++) {
            coupleOf[order[2 * c]] = c;
            coupleOf[order[2 * c + 1]] = c;
        }

        int[][] singleRol = new int[applicants][];
        int[][][] couplePairs = new int[spec.couples()][][];
        Applications applications = new Applications(applicants * (int) Math.ceil(spec.meanRolLength()));
        for (int a = 0; a < applicants; a++) {
            if (coupleOf[a] < 0) {
                singleRol[a] = drawRol();
                for (int program : singleRol[a]) {
                    applications.add(program, a);
                }
            }
            if ((a + 1) % 10_000 == 0) {
                progress.progress("generating applicants", a + 1, applicants);
            }
        }
        for (int c = 0; c < spec.couples(); c++) {
            int first = order[2 * c];
            int second = order[2 * c + 1];
            couplePairs[c] = hard() ? drawShuffledCrossProduct(drawRol(), drawRol()) : drawCouplePairs(drawRol(), drawRol());
            addCoupleApplications(couplePairs[c], first, second, applications);
        }
        progress.progress("generating applicants", applicants, applicants);

        int[][] programRol = rankApplications(applications, strength);
        progress.progress("ranking applicants", spec.programs(), spec.programs());
        int[] quota = allocateQuotas();

        return assemble(order, coupleOf, singleRol, couplePairs, programRol, quota);
    }

    // ---- applicants ---------------------------------------------------------------------------

    private int[] drawRol() {
        long length = Math.round(spec.meanRolLength() + ROL_LENGTH_SPREAD * random.nextGaussian());
        int maxLength = (int) Math.min(spec.programs(), Math.round(3 * spec.meanRolLength()));
        int wanted = (int) Math.max(1, Math.min(maxLength, length));
        int[] rol = new int[wanted];
        int size = 0;
        if (hard()) {
            for (int tries = 0; size < wanted && tries < wanted * 20; tries++) {
                int program = pick(programCumulative);
                if (!contains(rol, size, program)) {
                    rol[size++] = program;
                }
            }
            return Arrays.copyOf(rol, size);
        }
        int ownDiscipline = pick(disciplineCumulativeWeight);
        for (int tries = 0; size < wanted && tries < wanted * 20; tries++) {
            int discipline = random.nextDouble() < OWN_DISCIPLINE_SHARE ? ownDiscipline : pick(disciplineCumulativeWeight);
            int program = disciplinePrograms[discipline][pick(disciplineCumulative[discipline])];
            if (!contains(rol, size, program)) {
                rol[size++] = program;
            }
        }
        return Arrays.copyOf(rol, size);
    }

    /**
     * Pairs of the partners' individual lists, best combined position first (then the first
     * partner's); some couples end with pairs where one partner is unmatched.
     */
    private int[][] drawCouplePairs(int[] firstRol, int[] secondRol) {
        int maxPairs = (int) Math.round(2 * spec.meanRolLength());
        List<int[]> pairs = new ArrayList<>();
        for (int sum = 0; sum <= firstRol.length + secondRol.length - 2 && pairs.size() < maxPairs; sum++) {
            for (int i = Math.max(0, sum - secondRol.length + 1); i <= Math.min(sum, firstRol.length - 1)
                    && pairs.size() < maxPairs; i++) {
                pairs.add(new int[]{firstRol[i], secondRol[sum - i]});
            }
        }
        if (random.nextDouble() < COUPLES_ACCEPTING_NO_MATCH_SIDE) {
            for (int i = 0; i < 2; i++) {
                if (i < firstRol.length) {
                    pairs.add(new int[]{firstRol[i], MatchInstance.NO_PROGRAM});
                }
                if (i < secondRol.length) {
                    pairs.add(new int[]{MatchInstance.NO_PROGRAM, secondRol[i]});
                }
            }
        }
        return pairs.toArray(new int[0][]);
    }

    /**
     * Hard shape: every pair of the partners' individual lists, and for some couples "no match" for
     * one partner beside the other's first two choices, all in a random order of the couple's own.
     */
    private int[][] drawShuffledCrossProduct(int[] firstRol, int[] secondRol) {
        List<int[]> pairs = new ArrayList<>(firstRol.length * secondRol.length + 4);
        for (int first : firstRol) {
            for (int second : secondRol) {
                pairs.add(new int[]{first, second});
            }
        }
        if (random.nextDouble() < COUPLES_ACCEPTING_NO_MATCH_SIDE) {
            for (int i = 0; i < 2; i++) {
                if (i < firstRol.length) {
                    pairs.add(new int[]{firstRol[i], MatchInstance.NO_PROGRAM});
                }
                if (i < secondRol.length) {
                    pairs.add(new int[]{MatchInstance.NO_PROGRAM, secondRol[i]});
                }
            }
        }
        for (int i = pairs.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int[] swap = pairs.get(i);
            pairs.set(i, pairs.get(j));
            pairs.set(j, swap);
        }
        return pairs.toArray(new int[0][]);
    }

    private static void addCoupleApplications(int[][] pairs, int first, int second, Applications applications) {
        int[] firstPrograms = new int[pairs.length];
        int[] secondPrograms = new int[pairs.length];
        int firstCount = 0;
        int secondCount = 0;
        for (int[] pair : pairs) {
            if (pair[0] != MatchInstance.NO_PROGRAM && !contains(firstPrograms, firstCount, pair[0])) {
                firstPrograms[firstCount++] = pair[0];
                applications.add(pair[0], first);
            }
            if (pair[1] != MatchInstance.NO_PROGRAM && !contains(secondPrograms, secondCount, pair[1])) {
                secondPrograms[secondCount++] = pair[1];
                applications.add(pair[1], second);
            }
        }
    }

    // ---- programs -----------------------------------------------------------------------------

    /**
     * Each stream ranks a share of those who applied, best score first; the score is the
     * applicant's common strength plus the stream's own taste. Sorting uses packed {@code long}
     * keys (quantized score, applicant) so that ties break the same way every time.
     */
    private int[][] rankApplications(Applications applications, double[] strength) {
        int programs = spec.programs();
        int[] start = new int[programs + 1];
        for (int i = 0; i < applications.size; i++) {
            start[applications.program[i] + 1]++;
        }
        for (int p = 0; p < programs; p++) {
            start[p + 1] += start[p];
        }
        int[] fill = Arrays.copyOf(start, programs);
        int[] applicantsByProgram = new int[applications.size];
        for (int i = 0; i < applications.size; i++) {
            applicantsByProgram[fill[applications.program[i]]++] = applications.applicant[i];
        }
        int[][] rol = new int[programs][];
        for (int p = 0; p < programs; p++) {
            long[] keys = new long[start[p + 1] - start[p]];
            int ranked = 0;
            for (int i = start[p]; i < start[p + 1]; i++) {
                if (random.nextDouble() < spec.programRankingShare()) {
                    int applicant = applicantsByProgram[i];
                    double score = strength[applicant] + (hard() ? HARD_SCORE_NOISE : PROGRAM_TASTE) * random.nextGaussian();
                    // Higher score first: sort ascending on the negated, offset, quantized score.
                    long quantized = Math.max(0, Math.min(Integer.MAX_VALUE, Math.round((20 - score) * 5e7)));
                    keys[ranked++] = (quantized << 32) | applicant;
                }
            }
            keys = Arrays.copyOf(keys, ranked);
            Arrays.sort(keys);
            rol[p] = new int[ranked];
            for (int i = 0; i < ranked; i++) {
                rol[p][i] = (int) keys[i];
            }
        }
        return rol;
    }

    /**
     * Splits the positions over streams, one each first (when there are enough), the rest drawn in
     * proportion to the square root of popularity: popular streams are larger, not all-absorbing.
     */
    private int[] allocateQuotas() {
        int programs = spec.programs();
        long total = Math.round(spec.positionsPerApplicant() * spec.applicants());
        int[] quota = new int[programs];
        if (hard()) {
            // Every position drawn by popularity: popular streams are large, unpopular ones may have none.
            for (long i = 0; i < total; i++) {
                quota[pick(programCumulative)]++;
            }
            return quota;
        }
        if (total < programs) {
            int[] order = permutation(programs);
            for (int i = 0; i < total; i++) {
                quota[order[i]] = 1;
            }
            return quota;
        }
        Arrays.fill(quota, 1);
        double[] cumulative = new double[programs];
        double sum = 0;
        for (int p = 0; p < programs; p++) {
            sum += Math.sqrt(programWeight[p]);
            cumulative[p] = sum;
        }
        for (long i = programs; i < total; i++) {
            quota[pick(cumulative)]++;
        }
        return quota;
    }

    private MatchInstance assemble(int[] order, int[] coupleOf, int[][] singleRol, int[][][] couplePairs,
            int[][] programRol, int[] quota) {
        String[] applicantIds = ids("A", spec.applicants());
        String[] programIds = ids("S", spec.programs());
        String[] coupleIds = ids("C", spec.couples());
        MatchInstanceBuilder builder = MatchInstance.builder();
        for (int p = 0; p < spec.programs(); p++) {
            List<String> rol = new ArrayList<>(programRol[p].length);
            for (int applicant : programRol[p]) {
                rol.add(applicantIds[applicant]);
            }
            builder.program(programIds[p], quota[p], rol);
        }
        for (int a = 0; a < spec.applicants(); a++) {
            if (coupleOf[a] >= 0) {
                builder.applicant(applicantIds[a]);
            } else {
                List<String> rol = new ArrayList<>(singleRol[a].length);
                for (int program : singleRol[a]) {
                    rol.add(programIds[program]);
                }
                builder.applicant(applicantIds[a], rol);
            }
        }
        for (int c = 0; c < spec.couples(); c++) {
            List<ProgramPair> pairs = new ArrayList<>(couplePairs[c].length);
            for (int[] pair : couplePairs[c]) {
                pairs.add(ProgramPair.of(idOrNull(programIds, pair[0]), idOrNull(programIds, pair[1])));
            }
            builder.couple(coupleIds[c], applicantIds[order[2 * c]], applicantIds[order[2 * c + 1]], pairs);
        }
        return builder.build();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private int pick(double[] cumulative) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int found = Arrays.binarySearch(cumulative, target);
        int index = found >= 0 ? found + 1 : -found - 1;
        return Math.min(index, cumulative.length - 1);
    }

    private int[] permutation(int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static double[] cumulativeZipf(int size, double exponent) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int k = 0; k < size; k++) {
            sum += Math.pow(k + 1, -exponent);
            cumulative[k] = sum;
        }
        return cumulative;
    }

    private static double share(double[] cumulative, int index) {
        double weight = cumulative[index] - (index == 0 ? 0 : cumulative[index - 1]);
        return weight / cumulative[cumulative.length - 1];
    }

    private static boolean contains(int[] values, int size, int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static String[] ids(String prefix, int count) {
        int width = String.valueOf(Math.max(1, count)).length();
        String format = prefix + "%0" + width + "d";
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = String.format(format, i + 1);
        }
        return ids;
    }

    private static String idOrNull(String[] ids, int index) {
        return index == MatchInstance.NO_PROGRAM ? null : ids[index];
    }

    /** (program, applicant) application pairs in growable primitive arrays. */
    private static final class Applications {
        int[] program;
        int[] applicant;
        int size;

        Applications(int capacity) {
            program = new int[Math.max(16, capacity)];
            applicant = new int[program.length];
        }

        void add(int programIndex, int applicantIndex) {
            if (size == program.length) {
                program = Arrays.copyOf(program, size * 2);
                applicant = Arrays.copyOf(applicant, size * 2);
            }
            program[size] = programIndex;
            applicant[size++] = applicantIndex;
        }
    }
}
