package org.residencymatch.engine.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchInstanceBuilder;
import org.residencymatch.engine.ProgramPair;

/**
 * A small instance as plain maps, for tests: easy to build at random, to permute, to hand to the
 * naive reference implementations, and to turn into an engine instance.
 *
 * @param programs   program id -> quota and ROL
 * @param applicants single applicant id -> ROL (couple members are not in here)
 * @param couples    couple id -> members and pairs
 */
public record SimpleInstance(Map<String, Program> programs, Map<String, List<String>> applicants,
        Map<String, Couple> couples) {

    public record Program(int quota, List<String> rol) {
    }

    public record Couple(String first, String second, List<ProgramPair> pairs) {
    }

    /** Builds the engine instance, declaring every item in map order. */
    public MatchInstance toMatchInstance() {
        MatchInstanceBuilder builder = MatchInstance.builder();
        programs.forEach((id, program) -> builder.program(id, program.quota(), program.rol()));
        applicants.forEach(builder::applicant);
        couples.forEach((id, couple) -> {
            builder.applicant(couple.first());
            builder.applicant(couple.second());
        });
        couples.forEach((id, couple) -> builder.couple(id, couple.first(), couple.second(), couple.pairs()));
        return builder.build();
    }

    /** The same instance with every list of items declared in another order (ROLs unchanged). */
    public SimpleInstance shuffledDeclarationOrder(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new SimpleInstance(shuffled(programs, random), shuffled(applicants, random), shuffled(couples, random));
    }

    private static <V> Map<String, V> shuffled(Map<String, V> map, SplittableRandom random) {
        List<String> keys = new ArrayList<>(map.keySet());
        for (int i = keys.size() - 1; i > 0; i--) {
            Collections.swap(keys, i, random.nextInt(i + 1));
        }
        Map<String, V> result = new LinkedHashMap<>();
        keys.forEach(k -> result.put(k, map.get(k)));
        return result;
    }

    /**
     * A random small instance: programs with quotas 0..maxQuota, applicants ranking a random
     * subset of programs, programs ranking a random subset of those who ranked them (plus
     * occasionally someone who did not), and couples ranking random pairs, "no match" sides
     * included.
     */
    public static SimpleInstance random(long seed, int maxApplicants, int maxPrograms, int maxCouples, int maxQuota) {
        SplittableRandom random = new SplittableRandom(seed);
        int programCount = 1 + random.nextInt(maxPrograms);
        int applicantCount = 1 + random.nextInt(maxApplicants);
        int coupleCount = maxCouples == 0 ? 0 : random.nextInt(maxCouples + 1);
        List<String> programIds = new ArrayList<>();
        for (int p = 0; p < programCount; p++) {
            programIds.add("P" + p);
        }
        Map<String, List<String>> applicants = new LinkedHashMap<>();
        Map<String, List<String>> interested = new LinkedHashMap<>();
        programIds.forEach(p -> interested.put(p, new ArrayList<>()));
        for (int a = 0; a < applicantCount; a++) {
            String id = "A" + a;
            List<String> rol = randomSubset(programIds, random.nextInt(programCount + 1), random);
            applicants.put(id, rol);
            rol.forEach(p -> interested.get(p).add(id));
        }
        Map<String, Couple> couples = new LinkedHashMap<>();
        for (int c = 0; c < coupleCount; c++) {
            String first = "C" + c + "a";
            String second = "C" + c + "b";
            List<ProgramPair> pairs = new ArrayList<>();
            int wanted = 1 + random.nextInt(6);
            for (int i = 0; i < wanted * 3 && pairs.size() < wanted; i++) {
                String x = random.nextInt(6) == 0 ? null : programIds.get(random.nextInt(programCount));
                String y = random.nextInt(6) == 0 ? null : programIds.get(random.nextInt(programCount));
                ProgramPair pair = ProgramPair.of(x, y);
                if ((x != null || y != null) && !pairs.contains(pair)) {
                    pairs.add(pair);
                    if (x != null && !interested.get(x).contains(first)) {
                        interested.get(x).add(first);
                    }
                    if (y != null && !interested.get(y).contains(second)) {
                        interested.get(y).add(second);
                    }
                }
            }
            couples.put("C" + c, new Couple(first, second, pairs));
        }
        List<String> everyone = new ArrayList<>(applicants.keySet());
        couples.values().forEach(c -> {
            everyone.add(c.first());
            everyone.add(c.second());
        });
        Map<String, Program> programs = new LinkedHashMap<>();
        for (String p : programIds) {
            List<String> pool = new ArrayList<>(interested.get(p));
            if (random.nextInt(4) == 0) {
                String stranger = everyone.get(random.nextInt(everyone.size()));
                if (!pool.contains(stranger)) {
                    pool.add(stranger); // a program may rank someone who did not rank it
                }
            }
            programs.put(p, new Program(random.nextInt(maxQuota + 1), randomSubset(pool, Math.round(pool.size() * 0.9f), random)));
        }
        return new SimpleInstance(programs, applicants, couples);
    }

    private static List<String> randomSubset(List<String> from, int size, SplittableRandom random) {
        List<String> copy = new ArrayList<>(from);
        for (int i = copy.size() - 1; i > 0; i--) {
            Collections.swap(copy, i, random.nextInt(i + 1));
        }
        return new ArrayList<>(copy.subList(0, Math.min(size, copy.size())));
    }
}
