package org.residencymatch.engine.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.residencymatch.engine.ProgramPair;

/**
 * A brute-force reading of docs/MATCH-FORMAT.md's definition of a correct result, on plain maps, for
 * small instances: it tries every way of giving the moving partners distinct slots instead of
 * reasoning about counts, so it shares no shortcut with either the engine or its audit.
 */
public final class BruteForceStability {

    private BruteForceStability() {
    }

    /** Every validity problem and blocking pair found; empty when the matching is correct. */
    public static List<String> problems(SimpleInstance instance, Map<String, String> matches) {
        List<String> problems = new ArrayList<>();
        instance.programs().forEach((program, details) -> {
            long held = matches.values().stream().filter(program::equals).count();
            if (held > details.quota()) {
                problems.add("over quota: " + program);
            }
        });
        instance.applicants().forEach((applicant, rol) -> {
            String at = matches.get(applicant);
            if (at != null && (!rol.contains(at) || !instance.programs().get(at).rol().contains(applicant))) {
                problems.add("not mutually acceptable: " + applicant + " at " + at);
            }
            // Assigned somewhere off their list (already a problem): every listed program is compared.
            int limit = at == null || !rol.contains(at) ? rol.size() : rol.indexOf(at);
            for (int i = 0; i < limit; i++) {
                if (takes(instance, matches, rol.get(i), List.of(applicant), List.of())) {
                    problems.add("blocking single: " + applicant + " with " + rol.get(i));
                }
            }
        });
        instance.couples().forEach((couple, details) -> {
            String atFirst = matches.get(details.first());
            String atSecond = matches.get(details.second());
            int current = details.pairs().size();
            if (atFirst != null || atSecond != null) {
                current = details.pairs().indexOf(ProgramPair.of(atFirst, atSecond));
                if (current < 0) {
                    problems.add("couple not at one of its pairs: " + couple);
                    current = details.pairs().size();
                }
                for (String[] side : new String[][]{{details.first(), atFirst}, {details.second(), atSecond}}) {
                    if (side[1] != null && !instance.programs().get(side[1]).rol().contains(side[0])) {
                        problems.add("not mutually acceptable: " + side[0] + " at " + side[1]);
                    }
                }
            }
            List<String> members = List.of(details.first(), details.second());
            for (int i = 0; i < current; i++) {
                ProgramPair pair = details.pairs().get(i);
                boolean firstMoves = pair.first() != null && !pair.first().equals(atFirst);
                boolean secondMoves = pair.second() != null && !pair.second().equals(atSecond);
                boolean blocks;
                if (firstMoves && secondMoves && pair.first().equals(pair.second())) {
                    blocks = takes(instance, matches, pair.first(), members, members);
                } else {
                    blocks = (!firstMoves || takes(instance, matches, pair.first(), List.of(details.first()), members))
                            && (!secondMoves || takes(instance, matches, pair.second(), List.of(details.second()), members));
                }
                if (blocks) {
                    problems.add("blocking couple: " + couple + " with " + pair);
                }
            }
        });
        return problems;
    }

    /**
     * Whether the program takes all of {@code movers}: it ranks each, and they can be given distinct
     * slots, each free or held by someone (not in {@code present}) the program ranks below the mover.
     */
    private static boolean takes(SimpleInstance instance, Map<String, String> matches, String program,
            List<String> movers, List<String> present) {
        SimpleInstance.Program details = instance.programs().get(program);
        if (!movers.stream().allMatch(details.rol()::contains)) {
            return false;
        }
        List<String> slots = new ArrayList<>(); // null = a free slot, else its holder
        matches.forEach((applicant, at) -> {
            if (program.equals(at)) {
                slots.add(applicant);
            }
        });
        for (int free = details.quota() - slots.size(); free > 0; free--) {
            slots.add(null);
        }
        return assign(details, movers, 0, slots, new boolean[slots.size()], present);
    }

    private static boolean assign(SimpleInstance.Program details, List<String> movers, int next, List<String> slots,
            boolean[] used, List<String> present) {
        if (next == movers.size()) {
            return true;
        }
        String mover = movers.get(next);
        for (int s = 0; s < slots.size(); s++) {
            String holder = slots.get(s);
            boolean usable = holder == null
                    || (!present.contains(holder) && details.rol().indexOf(holder) > details.rol().indexOf(mover));
            if (!used[s] && usable && !Objects.equals(holder, mover)) {
                used[s] = true;
                if (assign(details, movers, next + 1, slots, used, present)) {
                    return true;
                }
                used[s] = false;
            }
        }
        return false;
    }
}
