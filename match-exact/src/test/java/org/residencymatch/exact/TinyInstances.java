package org.residencymatch.exact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchInstanceBuilder;
import org.residencymatch.engine.ProgramPair;

/** Random instances small enough to enumerate every matching, with couples of every kind. */
final class TinyInstances {

    private TinyInstances() {
    }

    /**
     * Up to {@code maxSingles} singles and {@code maxCouples} couples over up to {@code maxPrograms}
     * streams with quotas 0..2; couples' pairs at random, "no match" sides and both partners in one
     * stream included; streams rank most of those who applied, in random order, sometimes a stranger.
     */
    static MatchInstance random(long seed, int maxSingles, int maxCouples, int maxPrograms) {
        SplittableRandom random = new SplittableRandom(seed);
        int programs = 1 + random.nextInt(maxPrograms);
        int singles = random.nextInt(maxSingles + 1);
        int couples = random.nextInt(maxCouples + 1);
        List<String> programIds = new ArrayList<>();
        for (int p = 0; p < programs; p++) {
            programIds.add("P" + p);
        }
        List<List<String>> interested = new ArrayList<>();
        programIds.forEach(p -> interested.add(new ArrayList<>()));
        MatchInstanceBuilder builder = MatchInstance.builder();
        List<List<String>> singleRols = new ArrayList<>();
        for (int a = 0; a < singles; a++) {
            List<String> rol = new ArrayList<>(programIds);
            Collections.shuffle(rol, new java.util.Random(random.nextLong()));
            rol = new ArrayList<>(rol.subList(0, random.nextInt(programs + 1)));
            for (String p : rol) {
                interested.get(Integer.parseInt(p.substring(1))).add("S" + a);
            }
            singleRols.add(rol);
        }
        List<List<ProgramPair>> couplePairs = new ArrayList<>();
        for (int c = 0; c < couples; c++) {
            List<ProgramPair> pairs = new ArrayList<>();
            int wanted = 1 + random.nextInt(5);
            for (int i = 0; i < wanted * 4 && pairs.size() < wanted; i++) {
                int x = random.nextInt(programs + 1) - 1;
                int y = random.nextInt(programs + 1) - 1;
                if (x < 0 && y < 0) {
                    continue;
                }
                ProgramPair pair = ProgramPair.of(x < 0 ? null : programIds.get(x), y < 0 ? null : programIds.get(y));
                if (!pairs.contains(pair)) {
                    pairs.add(pair);
                    if (x >= 0 && !interested.get(x).contains("C" + c + "a")) {
                        interested.get(x).add("C" + c + "a");
                    }
                    if (y >= 0 && !interested.get(y).contains("C" + c + "b")) {
                        interested.get(y).add("C" + c + "b");
                    }
                }
            }
            couplePairs.add(pairs);
        }
        List<String> everyone = new ArrayList<>();
        for (int a = 0; a < singles; a++) {
            everyone.add("S" + a);
        }
        for (int c = 0; c < couples; c++) {
            everyone.add("C" + c + "a");
            everyone.add("C" + c + "b");
        }
        for (int p = 0; p < programs; p++) {
            List<String> pool = new ArrayList<>(interested.get(p));
            Collections.shuffle(pool, new java.util.Random(random.nextLong()));
            int keep = pool.isEmpty() ? 0 : pool.size() - random.nextInt(Math.min(2, pool.size()) + 1) + 1;
            pool = new ArrayList<>(pool.subList(0, Math.min(pool.size(), keep)));
            if (!everyone.isEmpty() && random.nextInt(5) == 0) {
                String stranger = everyone.get(random.nextInt(everyone.size()));
                if (!pool.contains(stranger)) {
                    pool.add(random.nextInt(pool.size() + 1), stranger);
                }
            }
            builder.program(programIds.get(p), random.nextInt(3), pool);
        }
        for (int a = 0; a < singles; a++) {
            builder.applicant("S" + a, singleRols.get(a));
        }
        for (int c = 0; c < couples; c++) {
            builder.applicant("C" + c + "a");
            builder.applicant("C" + c + "b");
            builder.couple("C" + c, "C" + c + "a", "C" + c + "b", couplePairs.get(c));
        }
        return builder.build();
    }
}
