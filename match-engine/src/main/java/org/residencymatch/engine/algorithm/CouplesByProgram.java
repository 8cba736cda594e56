package org.residencymatch.engine.algorithm;

import java.util.Arrays;

import org.residencymatch.engine.MatchInstance;

/**
 * For each stream, the couples with a pair naming it (each once): the couples that may start to
 * block when that stream loses someone. Built once per run in two passes over the pairs.
 */
final class CouplesByProgram {

    private final int[] start;
    private final int[] couples;

    CouplesByProgram(MatchInstance instance) {
        int programs = instance.programCount();
        start = new int[programs + 1];
        int[] lastCouple = new int[programs];
        Arrays.fill(lastCouple, -1);
        for (int c = 0; c < instance.coupleCount(); c++) {
            for (int k = instance.couplePairStart(c); k < instance.couplePairEnd(c); k++) {
                count(instance.pairFirstProgram(k), c, lastCouple);
                count(instance.pairSecondProgram(k), c, lastCouple);
            }
        }
        for (int p = 0; p < programs; p++) {
            start[p + 1] += start[p];
        }
        couples = new int[start[programs]];
        int[] fill = Arrays.copyOf(start, programs);
        Arrays.fill(lastCouple, -1);
        for (int c = 0; c < instance.coupleCount(); c++) {
            for (int k = instance.couplePairStart(c); k < instance.couplePairEnd(c); k++) {
                fill(instance.pairFirstProgram(k), c, lastCouple, fill);
                fill(instance.pairSecondProgram(k), c, lastCouple, fill);
            }
        }
    }

    private void count(int program, int couple, int[] lastCouple) {
        if (program != MatchInstance.NO_PROGRAM && lastCouple[program] != couple) {
            lastCouple[program] = couple;
            start[program + 1]++;
        }
    }

    private void fill(int program, int couple, int[] lastCouple, int[] fill) {
        if (program != MatchInstance.NO_PROGRAM && lastCouple[program] != couple) {
            lastCouple[program] = couple;
            couples[fill[program]++] = couple;
        }
    }

    int start(int program) {
        return start[program];
    }

    int end(int program) {
        return start[program + 1];
    }

    int couple(int index) {
        return couples[index];
    }
}
