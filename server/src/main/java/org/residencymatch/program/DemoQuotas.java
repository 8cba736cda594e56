package org.residencymatch.program;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plausible quotas for a catalogue published without them (the 2025 list has none). Each stream gets
 * a weight, its discipline's size (family medicine and internal medicine are the big ones) times a
 * random factor between 0.5 and 1.5 drawn from a fixed seed, and the total is shared out in
 * proportion, at least one position per stream. The same streams and seed always give the same quotas.
 */
public final class DemoQuotas {

    /** About the number of first-iteration positions of the 2025 R-1 match. */
    public static final int TOTAL_2025 = 3_990;
    public static final long SEED = 2025L;

    private DemoQuotas() {
    }

    /** Quotas for the streams, in their order, adding up to about {@code total}. */
    public static List<Integer> assign(List<ProgramStream> streams, int total, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] weights = new double[streams.size()];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = disciplineWeight(streams.get(i).disciplineName()) * (0.5 + random.nextDouble());
            sum += weights[i];
        }
        List<Integer> quotas = new ArrayList<>(weights.length);
        for (double weight : weights) quotas.add(Math.max(1, (int) Math.round(weight * total / sum)));
        return quotas;
    }

    private static double disciplineWeight(String discipline) {
        String d = discipline.toLowerCase(java.util.Locale.ROOT);
        if (d.startsWith("family medicine")) return 3.0;
        if (d.startsWith("internal medicine")) return 2.5;
        if (d.startsWith("psychiatry") || d.startsWith("pediatrics")) return 1.5;
        return 1.0;
    }
}
