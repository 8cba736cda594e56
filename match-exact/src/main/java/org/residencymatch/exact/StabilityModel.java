package org.residencymatch.exact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.residencymatch.engine.MatchInstance;

import static org.residencymatch.engine.MatchInstance.NO_PROGRAM;
import static org.residencymatch.engine.MatchInstance.UNRANKED;

/**
 * A propositional model of "a stable matching of this instance", in the match format's sense of
 * stability (MATCH-FORMAT.md, "What a correct result is"): its models are exactly the stable
 * matchings, so an unsatisfiable model proves that none exists.
 *
 * <p>The model follows the integer programs for the hospitals/residents problem with couples of
 * Biró, Manlove and McBride ("The hospitals/residents problem with couples: complexity and integer
 * programming models", SEA 2014) and Manlove, McBride and Trimble ("'Almost-stable' matchings in the
 * hospitals/residents problem with couples", Constraints 22(1), 2017), written as clauses and
 * cardinality constraints as Drummond, Perrault and Bacchus did for SAT ("SAT is an effective and
 * complete method for solving stable matching problems with couples", IJCAI 2015):
 * <ul>
 *   <li>{@code x(e)}: the single holds ROL entry {@code e}; {@code y(k)}: the couple holds pair
 *       {@code k} (only mutually acceptable entries and pairs get a variable);</li>
 *   <li>{@code z(a, p)}: applicant {@code a} is at stream {@code p} ({@code x(e)} itself for a
 *       single; for a couple member, the disjunction of the couple's pairs with {@code p} on that
 *       member's side);</li>
 *   <li>at most one entry per single and one pair per couple; at most {@code quota(p)} of the
 *       {@code z(·, p)};</li>
 *   <li>{@code C(p, r, j)}: at least {@code j} of the applicants {@code p} ranks in its first
 *       {@code r} places are at {@code p} (a sequential counter; only the direction "C implies the
 *       count" is needed, since C only ever excuses a blocking pair);</li>
 *   <li>stability: a single is at an entry as good as {@code e}, or {@code e}'s stream is full of
 *       applicants it ranks higher; a couple is at a pair as good as {@code k}, or some partner who
 *       must move into {@code k} is not taken: that side's stream holds {@code quota} applicants
 *       ranked above the partner, counting the other partner when present there (the format's
 *       "present" rule), and for two partners moving into one stream, Hall's condition on two
 *       people (the worse-ranked partner needs one usable slot, the better-ranked two).</li>
 * </ul>
 * Variables are numbered from 1 (DIMACS); {@link #clauses()} and {@link #atMost()} list the
 * constraints.
 */
final class StabilityModel {

    /** A cardinality constraint: at most {@code degree} of {@code literals} are true. */
    record AtMost(int[] literals, int degree) {
    }

    private final MatchInstance instance;
    /** Per applicant: may the solver move them ({@code null}: everyone may). */
    private final boolean[] free;
    /** Per applicant: the stream of a fixed applicant (-1 unmatched); unread for free ones. */
    private final int[] fixedProgramOf;
    private final List<int[]> clauses = new ArrayList<>();
    private final List<AtMost> atMost = new ArrayList<>();
    private int variables;
    private final int trueLiteral;

    /** x per single ROL entry (0 when not acceptable), y per pair entry (0 when not acceptable). */
    private final int[] entryVariable;
    private final int[] pairVariable;
    /** z(a, p) for couple members: key applicant * programs + p. */
    private final Map<Long, Integer> memberAt = new HashMap<>();
    /** Counter variables C(p, r, j), by key. */
    private final Map<Long, Integer> counter = new HashMap<>();

    /** Per program ROL entry: the literal "that applicant is at that stream" (0 when they cannot be). */
    private int[] literalAtEntry;
    /**
     * Per stream p and program ROL entry j from p's first to one past its last (at index j + p, as
     * each stream's list has one more boundary than entries): how many applicants fixed at p it ranks
     * before j.
     */
    private int[] fixedThereBefore;
    /** The same way: the last entry of p's list before j whose literal is a variable, or -1. */
    private int[] lastVariableBefore;

    StabilityModel(MatchInstance instance) {
        this(instance, null, null);
    }

    /**
     * The model of the instance's stable matchings in which the applicants not {@code free} keep
     * {@code fixedProgramOf}: their assignments are constants, but their stability is still required
     * (a fixed applicant must not block with what the free ones leave). A couple's two members are
     * both free or both fixed. Its models are the stable matchings of the whole instance that agree
     * with {@code fixedProgramOf} outside the free applicants; it is built in the size of the free
     * part and of the lists that can reach it.
     *
     * @param fixedProgramOf the matching the fixed applicants keep (stream per applicant, -1 unmatched)
     * @param free           per applicant, whether the solver may move them; {@code null} for all
     */
    StabilityModel(MatchInstance instance, int[] fixedProgramOf, boolean[] free) {
        this.instance = instance;
        this.free = free;
        this.fixedProgramOf = fixedProgramOf;
        this.trueLiteral = newVariable();
        clauses.add(new int[]{trueLiteral});
        this.entryVariable = new int[instance.applicantRolEntryCount()];
        this.pairVariable = new int[instance.pairEntryCount()];
        declareAssignments();
        indexProgramLists();
        oneEach();
        quotas();
        for (int a = 0; a < instance.applicantCount(); a++) {
            if (instance.coupleOf(a) < 0) {
                singleStability(a);
            }
        }
        for (int c = 0; c < instance.coupleCount(); c++) {
            coupleStability(c);
        }
    }

    List<int[]> clauses() {
        return clauses;
    }

    List<AtMost> atMost() {
        return atMost;
    }

    int variables() {
        return variables;
    }

    /** Reads a matching (stream per applicant, -1 unmatched) from a model of the formula. */
    int[] decode(boolean[] value) {
        int[] programOf = new int[instance.applicantCount()];
        Arrays.fill(programOf, -1);
        for (int e = 0; e < entryVariable.length; e++) {
            if (entryVariable[e] != 0 && isTrue(entryVariable[e], value)) {
                programOf[instance.applicantRolOwner(e)] = instance.applicantRolProgram(e);
            }
        }
        for (int k = 0; k < pairVariable.length; k++) {
            if (pairVariable[k] != 0 && isTrue(pairVariable[k], value)) {
                int couple = instance.pairOwner(k);
                int first = instance.pairFirstProgram(k);
                int second = instance.pairSecondProgram(k);
                programOf[instance.coupleFirst(couple)] = first == NO_PROGRAM ? -1 : first;
                programOf[instance.coupleSecond(couple)] = second == NO_PROGRAM ? -1 : second;
            }
        }
        return programOf;
    }

    /** A literal's value in a model (fixed applicants' literals are the constant or its negation). */
    private static boolean isTrue(int literal, boolean[] value) {
        return literal > 0 ? value[literal] : !value[-literal];
    }

    // ---- assignment variables -------------------------------------------------------------------

    private void declareAssignments() {
        for (int e = 0; e < entryVariable.length; e++) {
            if (instance.applicantRolProgramRank(e) != UNRANKED) {
                int owner = instance.applicantRolOwner(e);
                entryVariable[e] = isFree(owner) ? newVariable() : constant(fixedProgramOf[owner] == instance.applicantRolProgram(e));
            }
        }
        Map<Long, List<Integer>> pairsByMemberAt = new HashMap<>();
        for (int k = 0; k < pairVariable.length; k++) {
            if (!pairAcceptable(k)) {
                continue;
            }
            int couple = instance.pairOwner(k);
            if (!isFree(instance.coupleFirst(couple))) {
                fixPair(k, couple);
                continue;
            }
            pairVariable[k] = newVariable();
            if (instance.pairFirstProgram(k) != NO_PROGRAM) {
                pairsByMemberAt.computeIfAbsent(key(instance.coupleFirst(couple), instance.pairFirstProgram(k)),
                        x -> new ArrayList<>()).add(pairVariable[k]);
            }
            if (instance.pairSecondProgram(k) != NO_PROGRAM) {
                pairsByMemberAt.computeIfAbsent(key(instance.coupleSecond(couple), instance.pairSecondProgram(k)),
                        x -> new ArrayList<>()).add(pairVariable[k]);
            }
        }
        // z(a, p) <-> OR y(k) over the pairs putting a at p.
        pairsByMemberAt.forEach((memberAtKey, pairs) -> {
            int z = newVariable();
            memberAt.put(memberAtKey, z);
            int[] definition = new int[pairs.size() + 1];
            definition[0] = -z;
            for (int i = 0; i < pairs.size(); i++) {
                definition[i + 1] = pairs.get(i);
                clauses.add(new int[]{-pairs.get(i), z});
            }
            clauses.add(definition);
        });
    }

    /** A fixed couple's pair: held or not, and its members at its streams or not, as constants. */
    private void fixPair(int k, int couple) {
        int first = instance.coupleFirst(couple);
        int second = instance.coupleSecond(couple);
        int p1 = instance.pairFirstProgram(k);
        int p2 = instance.pairSecondProgram(k);
        pairVariable[k] = constant(fixedProgramOf[first] == (p1 == NO_PROGRAM ? -1 : p1)
                && fixedProgramOf[second] == (p2 == NO_PROGRAM ? -1 : p2));
        if (p1 != NO_PROGRAM) {
            memberAt.put(key(first, p1), constant(fixedProgramOf[first] == p1));
        }
        if (p2 != NO_PROGRAM) {
            memberAt.put(key(second, p2), constant(fixedProgramOf[second] == p2));
        }
    }

    private boolean isFree(int applicant) {
        return free == null || free[applicant];
    }

    private int constant(boolean value) {
        return value ? trueLiteral : -trueLiteral;
    }

    private boolean isConstant(int literal) {
        return literal == trueLiteral || literal == -trueLiteral;
    }

    /**
     * Indexes every stream's list by the literal "that applicant is here", so that a count over a
     * prefix of the list skips the fixed applicants (constants) in one step.
     */
    private void indexProgramLists() {
        int entries = instance.programRolEntryCount();
        literalAtEntry = new int[entries];
        fixedThereBefore = new int[entries + instance.programCount()];
        lastVariableBefore = new int[entries + instance.programCount()];
        for (int p = 0; p < instance.programCount(); p++) {
            int fixedThere = 0;
            int lastVariable = -1;
            for (int j = instance.programRolStart(p); j < instance.programRolEnd(p); j++) {
                fixedThereBefore[j + p] = fixedThere;
                lastVariableBefore[j + p] = lastVariable;
                int literal = at(instance.programRolApplicant(j), p, j);
                literalAtEntry[j] = literal == -trueLiteral ? 0 : literal;
                if (literal == trueLiteral) {
                    fixedThere++;
                } else if (literal != 0 && literal != -trueLiteral) {
                    lastVariable = j;
                }
            }
            int end = instance.programRolEnd(p);
            fixedThereBefore[end + p] = fixedThere;
            lastVariableBefore[end + p] = lastVariable;
        }
    }

    private boolean pairAcceptable(int k) {
        return (instance.pairFirstProgram(k) == NO_PROGRAM || instance.pairFirstRank(k) != UNRANKED)
                && (instance.pairSecondProgram(k) == NO_PROGRAM || instance.pairSecondRank(k) != UNRANKED);
    }

    private void oneEach() {
        for (int a = 0; a < instance.applicantCount(); a++) {
            if (isFree(a)) {
                atMostOne(variablesOf(entryVariable, instance.applicantRolStart(a), instance.applicantRolEnd(a)));
            }
        }
        for (int c = 0; c < instance.coupleCount(); c++) {
            if (isFree(instance.coupleFirst(c))) {
                atMostOne(variablesOf(pairVariable, instance.couplePairStart(c), instance.couplePairEnd(c)));
            }
        }
    }

    private void atMostOne(int[] literals) {
        if (literals.length > 1) {
            atMost.add(new AtMost(literals, 1));
        }
    }

    private void quotas() {
        for (int p = 0; p < instance.programCount(); p++) {
            List<Integer> at = new ArrayList<>();
            for (int j = instance.programRolStart(p); j < instance.programRolEnd(p); j++) {
                if (literalAtEntry[j] != 0 && !isConstant(literalAtEntry[j])) {
                    at.add(literalAtEntry[j]);
                }
            }
            // The fixed applicants there take their slots for good.
            int left = instance.quota(p) - fixedThereBefore[instance.programRolEnd(p) + p];
            if (at.size() > left) {
                atMost.add(new AtMost(at.stream().mapToInt(Integer::intValue).toArray(), Math.max(0, left)));
            }
        }
    }

    /** z(a, p) for the applicant at program ROL entry j of p, or 0 when a cannot be at p. */
    private int at(int applicant, int program, int programEntry) {
        if (instance.coupleOf(applicant) < 0) {
            int own = instance.programRolApplicantEntry(programEntry);
            return own == UNRANKED ? 0 : entryVariable[own];
        }
        return memberAt.getOrDefault(key(applicant, program), 0);
    }

    // ---- counters -------------------------------------------------------------------------------

    /**
     * A literal implying that at least {@code j} of the applicants {@code p} ranks in places
     * {@code 0 .. r-1} are at {@code p}. Fixed applicants count as constants: the counter has a
     * variable only at the places of applicants the solver may move.
     */
    private int atLeast(int program, int r, int j) {
        int end = instance.programRolStart(program) + r;
        int lastVariable = lastVariableBefore[end + program];
        int from = lastVariable < 0 ? instance.programRolStart(program) : lastVariable + 1;
        // Fixed applicants there, ranked after the last one the solver may move: counted already.
        j -= fixedThereBefore[end + program] - fixedThereBefore[from + program];
        if (j <= 0) {
            return trueLiteral;
        }
        if (lastVariable < 0) {
            return -trueLiteral;
        }
        r = lastVariable + 1 - instance.programRolStart(program);
        if (j > r) {
            return -trueLiteral;
        }
        long counterKey = ((long) program * (instance.applicantCount() + 1) + r) * (instance.applicantCount() + 2) + j;
        Integer known = counter.get(counterKey);
        if (known != null) {
            return known;
        }
        int c = newVariable();
        counter.put(counterKey, c);
        int last = literalAtEntry[lastVariable];
        int without = atLeast(program, r - 1, j);
        // C(r, j) -> C(r-1, j) or (the r-th is at p and C(r-1, j-1)).
        addClause(-c, without, last);
        addClause(-c, without, atLeast(program, r - 1, j - 1));
        return c;
    }

    // ---- stability ------------------------------------------------------------------------------

    /** For each acceptable entry: the single holds an entry as good, or the stream is full of better. */
    private void singleStability(int applicant) {
        List<Integer> asGood = new ArrayList<>();
        for (int e = instance.applicantRolStart(applicant); e < instance.applicantRolEnd(applicant); e++) {
            if (entryVariable[e] == 0) {
                continue;
            }
            if (entryVariable[e] == trueLiteral) {
                return; // a fixed single at this entry: every clause from here on holds
            }
            asGood.add(entryVariable[e]);
            int program = instance.applicantRolProgram(e);
            int full = atLeast(program, instance.applicantRolProgramRank(e), instance.quota(program));
            addClause(with(asGood, full));
        }
    }

    private void coupleStability(int couple) {
        int first = instance.coupleFirst(couple);
        int second = instance.coupleSecond(couple);
        List<Integer> asGood = new ArrayList<>();
        for (int k = instance.couplePairStart(couple); k < instance.couplePairEnd(couple); k++) {
            if (pairVariable[k] == 0) {
                continue;
            }
            if (pairVariable[k] == trueLiteral) {
                return; // a fixed couple at this pair: every clause from here on holds
            }
            asGood.add(pairVariable[k]);
            int p1 = instance.pairFirstProgram(k);
            int p2 = instance.pairSecondProgram(k);
            int r1 = instance.pairFirstRank(k);
            int r2 = instance.pairSecondRank(k);
            if (p1 != NO_PROGRAM && p1 == p2) {
                sameStreamStability(asGood, p1, first, r1, second, r2);
                continue;
            }
            // Not blocking: as good a pair held, or some side's partner must move and is not taken.
            List<Integer> clause = new ArrayList<>(asGood);
            if (p1 != NO_PROGRAM) {
                clause.add(movesAndIsRefused(first, p1, r1, second));
            }
            if (p2 != NO_PROGRAM) {
                clause.add(movesAndIsRefused(second, p2, r2, first));
            }
            addClause(clause);
        }
    }

    /**
     * A literal implying that {@code member} is not at {@code program} and is not taken there: the
     * stream holds {@code quota} applicants ranked above {@code rank}, the partner counting as
     * present when there (even if ranked below).
     */
    private int movesAndIsRefused(int member, int program, int rank, int partner) {
        int memberThere = memberAt.getOrDefault(key(member, program), 0);
        if (memberThere == trueLiteral) {
            return -trueLiteral;
        }
        int refused = refused(program, rank, partner);
        if (memberThere == 0 || memberThere == -trueLiteral || refused == -trueLiteral) {
            return refused;
        }
        if (refused == trueLiteral) {
            return -memberThere;
        }
        int u = newVariable();
        addClause(-u, -memberThere);
        addClause(-u, refused);
        return u;
    }

    /** A literal implying that a partner ranked {@code rank} has no slot at the stream, the other partner present. */
    private int refused(int program, int rank, int partner) {
        int quota = instance.quota(program);
        int full = atLeast(program, rank, quota);
        int partnerThere = memberAt.getOrDefault(key(partner, program), 0);
        int partnerRank = rankAt(program, partner);
        if (partnerThere == 0 || partnerThere == -trueLiteral || partnerRank < rank) {
            return full; // the partner, if there, is counted among those ranked above
        }
        // The partner is there, ranked below: present all the same, so one fewer above is enough.
        int oneFewer = atLeast(program, rank, quota - 1);
        if (partnerThere == trueLiteral) {
            return oneFewer; // implied by full
        }
        if (full == trueLiteral || oneFewer == -trueLiteral) {
            return full;
        }
        int w = newVariable();
        addClause(-w, partnerThere);
        addClause(-w, oneFewer);
        if (full == -trueLiteral) {
            return w;
        }
        int either = newVariable();
        addClause(-either, full, w);
        return either;
    }

    /** Both partners' sides name one stream. */
    private void sameStreamStability(List<Integer> asGood, int program, int first, int r1, int second, int r2) {
        int quota = instance.quota(program);
        int firstThere = memberAt.getOrDefault(key(first, program), 0);
        int secondThere = memberAt.getOrDefault(key(second, program), 0);
        // Neither there: Hall's condition on two people.
        List<Integer> neither = new ArrayList<>(asGood);
        if (firstThere != 0) {
            neither.add(firstThere);
        }
        if (secondThere != 0) {
            neither.add(secondThere);
        }
        neither.add(atLeast(program, Math.max(r1, r2), quota));
        neither.add(atLeast(program, Math.min(r1, r2), quota - 1));
        addClause(neither);
        // One there, the other moving in beside them.
        if (firstThere != 0) {
            List<Integer> clause = new ArrayList<>(asGood);
            clause.add(-firstThere);
            if (secondThere != 0) {
                clause.add(secondThere);
            }
            clause.add(atLeast(program, r2, r1 < r2 ? quota : quota - 1));
            addClause(clause);
        }
        if (secondThere != 0) {
            List<Integer> clause = new ArrayList<>(asGood);
            clause.add(-secondThere);
            if (firstThere != 0) {
                clause.add(firstThere);
            }
            clause.add(atLeast(program, r1, r2 < r1 ? quota : quota - 1));
            addClause(clause);
        }
    }

    /** The rank the stream gives the applicant, or MAX_VALUE when unranked. */
    private int rankAt(int program, int applicant) {
        for (int j = instance.programRolStart(program); j < instance.programRolEnd(program); j++) {
            if (instance.programRolApplicant(j) == applicant) {
                return j - instance.programRolStart(program);
            }
        }
        return Integer.MAX_VALUE;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private int newVariable() {
        return ++variables;
    }

    private long key(int applicant, int program) {
        return (long) applicant * instance.programCount() + program;
    }

    private static int[] variablesOf(int[] variableByEntry, int from, int to) {
        return Arrays.stream(variableByEntry, from, to).filter(v -> v != 0).toArray();
    }

    private void addClause(List<Integer> literals) {
        addClause(literals.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Adds a clause without its false constants, or not at all when a constant makes it true. An
     * empty clause (every literal a false constant) is kept: the model is then unsatisfiable.
     */
    private void addClause(int... literals) {
        int kept = 0;
        int[] clause = new int[literals.length];
        for (int literal : literals) {
            if (literal == trueLiteral) {
                return;
            }
            if (literal != -trueLiteral) {
                clause[kept++] = literal;
            }
        }
        clauses.add(kept == literals.length ? clause : Arrays.copyOf(clause, kept));
    }

    private static int[] with(List<Integer> literals, int last) {
        int[] clause = new int[literals.size() + 1];
        for (int i = 0; i < literals.size(); i++) {
            clause[i] = literals.get(i);
        }
        clause[literals.size()] = last;
        return clause;
    }
}
