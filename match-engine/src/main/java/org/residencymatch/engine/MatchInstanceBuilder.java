package org.residencymatch.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link MatchInstance} from string ids (or from ids already interned into the builder's
 * {@link IdTable}s, for a reader of large files), in memory, and enforces every rule of the match
 * format at {@link #build()}: ids unique within their kind, every reference resolvable, no
 * duplicate in a ROL, quotas non-negative, an applicant in at most one couple, couple members
 * without a ROL of their own, no {@code [null, null]} pair. Any breach refuses the whole instance
 * with an {@link InvalidInstanceException} that lists every problem (kind, id, field, why).
 *
 * <p>Items may be declared in any order; references are resolved at {@code build()}. The dense
 * indices follow declaration order. A builder is not thread-safe; the instance it builds is.
 *
 * <pre>{@code
 * MatchInstance instance = MatchInstance.builder()
 *     .program("27447", 2, List.of("A1", "A3"))
 *     .program("27416", 1, List.of("A4", "A1"))
 *     .applicant("A1", List.of("27447", "27416"))
 *     .applicant("A3")
 *     .applicant("A4")
 *     .couple("C1", "A3", "A4", List.of(ProgramPair.of("27447", "27416"), ProgramPair.of("27447", null)))
 *     .build();
 * }</pre>
 */
public final class MatchInstanceBuilder {

    // Every declaration is kept by symbol (IdTable), in flat int lists: a national instance is a
    // million ROL entries, and resolving them is then one array read each, with no String, no
    // hashing and no boxing. Ids are made strings again only to name a problem.
    private final IdTable programTable = new IdTable();
    private final IdTable applicantTable = new IdTable();
    private final IdTable coupleTable = new IdTable();

    private final IntList programId = new IntList();
    private final IntList programQuota = new IntList();
    private final IntList programRolStart = new IntList();
    private final IntList programRolEnd = new IntList();
    private final IntList programRol = new IntList();

    private final IntList applicantId = new IntList();
    /** {@code -1} when the applicant has no ROL at all (not even an empty one). */
    private final IntList applicantRolStart = new IntList();
    private final IntList applicantRolEnd = new IntList();
    private final IntList applicantRol = new IntList();

    private final IntList coupleId = new IntList();
    private final IntList coupleFirstId = new IntList();
    private final IntList coupleSecondId = new IntList();
    private final IntList couplePairStart = new IntList();
    private final IntList couplePairEnd = new IntList();
    private final IntList pairFirst = new IntList();
    private final IntList pairSecond = new IntList();

    MatchInstanceBuilder() {
    }

    /**
     * Declares a program stream.
     *
     * @param id    the stream id
     * @param quota its number of positions, at least 0
     * @param rol   the applicant ids it ranks, most preferred first ({@code null} means none)
     */
    public MatchInstanceBuilder program(String id, int quota, List<String> rol) {
        int start = programRol.size();
        if (rol != null) {
            for (String applicant : rol) {
                programRol.add(applicantTable.intern(applicant));
            }
        }
        return declareProgram(programTable.intern(id), quota, start);
    }

    /** Declares an applicant without a ROL of their own (a couple member, or one who ranks nothing). */
    public MatchInstanceBuilder applicant(String id) {
        return applicant(id, null);
    }

    /**
     * Declares an applicant.
     *
     * @param id  the applicant id
     * @param rol the program stream ids they rank, most preferred first; {@code null} when absent
     */
    public MatchInstanceBuilder applicant(String id, List<String> rol) {
        int start = applicantRol.size();
        if (rol != null) {
            for (String program : rol) {
                applicantRol.add(programTable.intern(program));
            }
        }
        return declareApplicant(applicantTable.intern(id), rol == null ? -1 : start);
    }

    /**
     * Declares a couple of two declared applicants and its list of pairs, most preferred first.
     */
    public MatchInstanceBuilder couple(String id, String first, String second, List<ProgramPair> rol) {
        int start = pairFirst.size();
        if (rol != null) {
            for (ProgramPair pair : rol) {
                pairFirst.add(pair == null ? IdTable.NULL : programTable.intern(pair.first()));
                pairSecond.add(pair == null ? IdTable.NULL : programTable.intern(pair.second()));
            }
        }
        return declareCouple(coupleTable.intern(id), applicantTable.intern(first), applicantTable.intern(second), start);
    }

    // ---- by symbol: for a reader that interns ids as it reads them ----------------------------------

    /** The table of program stream ids: symbols for {@link #programBySymbols} and pair sides. */
    public IdTable programIds() {
        return programTable;
    }

    /** The table of applicant ids: symbols for ROLs of programs, applicants and couple members. */
    public IdTable applicantIds() {
        return applicantTable;
    }

    /** The table of couple ids. */
    public IdTable coupleIds() {
        return coupleTable;
    }

    /**
     * As {@link #program(String, int, List)}, by symbols: {@code id} of {@link #programIds()},
     * the first {@code length} entries of {@code rol} of {@link #applicantIds()} ({@link IdTable#NULL}
     * for a null entry).
     */
    public MatchInstanceBuilder programBySymbols(int id, int quota, int[] rol, int length) {
        int start = programRol.size();
        programRol.addAll(rol, length);
        return declareProgram(id, quota, start);
    }

    /**
     * As {@link #applicant(String, List)}, by symbols: {@code id} of {@link #applicantIds()}, the first
     * {@code length} entries of {@code rol} of {@link #programIds()}; {@code rol == null} when absent.
     */
    public MatchInstanceBuilder applicantBySymbols(int id, int[] rol, int length) {
        int start = applicantRol.size();
        if (rol != null) {
            applicantRol.addAll(rol, length);
        }
        return declareApplicant(id, rol == null ? -1 : start);
    }

    /**
     * As {@link #couple(String, String, String, List)}, by symbols: {@code id} of {@link #coupleIds()},
     * {@code first} and {@code second} of {@link #applicantIds()}, and the first {@code length} pairs
     * as their two sides, of {@link #programIds()} ({@link IdTable#NULL} for "no match").
     */
    public MatchInstanceBuilder coupleBySymbols(int id, int first, int second, int[] firsts, int[] seconds, int length) {
        int start = pairFirst.size();
        pairFirst.addAll(firsts, length);
        pairSecond.addAll(seconds, length);
        return declareCouple(id, first, second, start);
    }

    /** Forgets every program declared so far (ids stay in the tables, unused): a reader met the list again. */
    public void clearPrograms() {
        programId.truncate(0);
        programQuota.truncate(0);
        programRolStart.truncate(0);
        programRolEnd.truncate(0);
        programRol.truncate(0);
    }

    /** Forgets every applicant declared so far. */
    public void clearApplicants() {
        applicantId.truncate(0);
        applicantRolStart.truncate(0);
        applicantRolEnd.truncate(0);
        applicantRol.truncate(0);
    }

    /** Forgets every couple declared so far. */
    public void clearCouples() {
        coupleId.truncate(0);
        coupleFirstId.truncate(0);
        coupleSecondId.truncate(0);
        couplePairStart.truncate(0);
        couplePairEnd.truncate(0);
        pairFirst.truncate(0);
        pairSecond.truncate(0);
    }

    private MatchInstanceBuilder declareProgram(int id, int quota, int rolStart) {
        programId.add(id);
        programQuota.add(quota);
        programRolStart.add(rolStart);
        programRolEnd.add(programRol.size());
        return this;
    }

    private MatchInstanceBuilder declareApplicant(int id, int rolStart) {
        applicantId.add(id);
        applicantRolStart.add(rolStart);
        applicantRolEnd.add(applicantRol.size());
        return this;
    }

    private MatchInstanceBuilder declareCouple(int id, int first, int second, int pairStart) {
        coupleId.add(id);
        coupleFirstId.add(first);
        coupleSecondId.add(second);
        couplePairStart.add(pairStart);
        couplePairEnd.add(pairFirst.size());
        return this;
    }

    /**
     * Validates the declarations and builds the dense instance.
     *
     * @throws InvalidInstanceException listing every problem, when any rule is broken
     */
    public MatchInstance build() {
        List<InstanceProblem> problems = new ArrayList<>();
        int[] programOf = indexIds("program", programTable, programId, problems);
        int[] applicantOf = indexIds("applicant", applicantTable, applicantId, problems);
        int[] coupleOf = indexIds("couple", coupleTable, coupleId, problems);

        MatchInstance.DenseParts parts = new MatchInstance.DenseParts();
        parts.programIds = ids(programTable, programId);
        parts.applicantIds = ids(applicantTable, applicantId);
        parts.coupleIds = ids(coupleTable, coupleId);

        resolveCouples(parts, applicantOf, programOf, problems);
        resolveApplicants(parts, programOf, problems);
        resolvePrograms(parts, applicantOf, problems);

        if (!problems.isEmpty()) {
            throw new InvalidInstanceException(problems);
        }
        parts.programTable = programTable.frozenCopy();
        parts.programOfSymbol = programOf;
        parts.applicantTable = applicantTable.frozenCopy();
        parts.applicantOfSymbol = applicantOf;
        parts.coupleTable = coupleTable.frozenCopy();
        parts.coupleOfSymbol = coupleOf;
        return new MatchInstance(parts);
    }

    /** The dense index of each symbol of the table ({@code -1} for one never declared, or blank). */
    private static int[] indexIds(String kind, IdTable table, IntList declared, List<InstanceProblem> problems) {
        int[] index = new int[table.size()];
        Arrays.fill(index, -1);
        for (int i = 0; i < declared.size(); i++) {
            int symbol = declared.get(i);
            String id = symbol == IdTable.NULL ? null : table.id(symbol);
            if (id == null || id.isBlank()) {
                problems.add(new InstanceProblem(kind, id, "id", "is missing or blank (" + kind + " #" + (i + 1) + ")"));
                continue;
            }
            int earlier = index[symbol];
            if (earlier >= 0) {
                problems.add(new InstanceProblem(kind, id, "id",
                        "duplicate " + kind + " id: also " + kind + " #" + (earlier + 1) + " (ids must be unique within their kind)"));
            } else {
                index[symbol] = i;
            }
        }
        return index;
    }

    private static String[] ids(IdTable table, IntList declared) {
        String[] ids = new String[declared.size()];
        for (int i = 0; i < ids.length; i++) {
            int symbol = declared.get(i);
            ids[i] = symbol == IdTable.NULL ? null : table.id(symbol);
        }
        return ids;
    }

    private void resolvePrograms(MatchInstance.DenseParts parts, int[] applicantOf, List<InstanceProblem> problems) {
        int count = programId.size();
        parts.quota = new int[count];
        parts.programRolStart = new int[count + 1];
        IntList rolApplicants = new IntList();
        // Duplicates by dense index (one id, one index): seenIn[a] == p + 1 when program p already
        // ranks applicant a, at rol[seenAt[a]]. Two int arrays instead of a map per program.
        int applicants = applicantId.size();
        int[] seenIn = new int[applicants];
        int[] seenAt = new int[applicants];
        for (int p = 0; p < count; p++) {
            String id = parts.programIds[p];
            int quota = programQuota.get(p);
            if (quota < 0) {
                problems.add(new InstanceProblem("program", id, "quota", "must be an integer >= 0, was " + quota));
            }
            parts.quota[p] = Math.max(0, quota);
            int start = programRolStart.get(p);
            int end = programRolEnd.get(p);
            for (int e = start; e < end; e++) {
                int symbol = programRol.get(e);
                int applicant = symbol == IdTable.NULL ? -1 : applicantOf[symbol];
                int i = e - start;
                if (applicant < 0) {
                    problems.add(new InstanceProblem("program", id, rolField(i),
                            symbol == IdTable.NULL
                                    ? "is null: a program ROL holds applicant ids"
                                    : "refers to unknown applicant \"" + applicantTable.id(symbol) + "\""));
                    continue;
                }
                if (seenIn[applicant] == p + 1) {
                    problems.add(new InstanceProblem("program", id, rolField(i),
                            "applicant \"" + applicantTable.id(symbol) + "\" is ranked twice (also at rol[" + seenAt[applicant] + "])"));
                    continue;
                }
                seenIn[applicant] = p + 1;
                seenAt[applicant] = i;
                rolApplicants.add(applicant);
            }
            parts.programRolStart[p + 1] = rolApplicants.size();
        }
        parts.programRolApplicant = rolApplicants.toArray();
    }

    private void resolveApplicants(MatchInstance.DenseParts parts, int[] programOf, List<InstanceProblem> problems) {
        int count = applicantId.size();
        parts.applicantRolStart = new int[count + 1];
        IntList rolPrograms = new IntList();
        IntList rolOwners = new IntList();
        // As for programs: seenIn[p] == a + 1 when applicant a already ranks program p, at rol[seenAt[p]].
        int programs = programId.size();
        int[] seenIn = new int[programs];
        int[] seenAt = new int[programs];
        for (int a = 0; a < count; a++) {
            String id = parts.applicantIds[a];
            int start = applicantRolStart.get(a);
            int end = start < 0 ? start : applicantRolEnd.get(a);
            int couple = parts.coupleOfApplicant[a];
            if (couple >= 0 && end > start) {
                problems.add(new InstanceProblem("applicant", id, "rol",
                        "is a member of couple \"" + parts.coupleIds[couple]
                                + "\" and must not have a ROL of their own (the couple's list of pairs applies)"));
                end = start;
            }
            for (int e = start; e < end; e++) {
                int symbol = applicantRol.get(e);
                int program = symbol == IdTable.NULL ? -1 : programOf[symbol];
                int i = e - start;
                if (program < 0) {
                    problems.add(new InstanceProblem("applicant", id, rolField(i),
                            symbol == IdTable.NULL
                                    ? "is null: an applicant ROL holds program stream ids"
                                    : "refers to unknown program \"" + programTable.id(symbol) + "\""));
                    continue;
                }
                if (seenIn[program] == a + 1) {
                    problems.add(new InstanceProblem("applicant", id, rolField(i),
                            "program \"" + programTable.id(symbol) + "\" is ranked twice (also at rol[" + seenAt[program] + "])"));
                    continue;
                }
                seenIn[program] = a + 1;
                seenAt[program] = i;
                rolPrograms.add(program);
                rolOwners.add(a);
            }
            parts.applicantRolStart[a + 1] = rolPrograms.size();
        }
        parts.applicantRolProgram = rolPrograms.toArray();
        parts.applicantRolOwner = rolOwners.toArray();
    }

    private void resolveCouples(MatchInstance.DenseParts parts, int[] applicantOf, int[] programOf,
            List<InstanceProblem> problems) {
        int count = coupleId.size();
        parts.coupleOfApplicant = new int[applicantId.size()];
        Arrays.fill(parts.coupleOfApplicant, -1);
        parts.coupleFirst = new int[count];
        parts.coupleSecond = new int[count];
        parts.couplePairStart = new int[count + 1];
        IntList firstPrograms = new IntList();
        IntList secondPrograms = new IntList();
        IntList owners = new IntList();
        for (int c = 0; c < count; c++) {
            String id = parts.coupleIds[c];
            int first = coupleFirstId.get(c);
            int second = coupleSecondId.get(c);
            parts.coupleFirst[c] = resolveMember(parts, c, id, "first", first, applicantOf, problems);
            parts.coupleSecond[c] = resolveMember(parts, c, id, "second", second, applicantOf, problems);
            if (first != IdTable.NULL && first == second) {
                problems.add(new InstanceProblem("couple", id, "second",
                        "is the same applicant as first (\"" + applicantTable.id(first) + "\")"));
            }
            // Duplicate pairs are looked for on the resolved streams (a couple ranks a few hundred
            // pairs, a national instance a quarter of a million); only for a couple that has one is
            // its list resolved again with a map of pairs, which reports the earlier position.
            int mark = firstPrograms.size();
            int problemsMark = problems.size();
            if (!resolvePairs(c, id, programOf, problems, firstPrograms, secondPrograms, owners, null)) {
                firstPrograms.truncate(mark);
                secondPrograms.truncate(mark);
                owners.truncate(mark);
                problems.subList(problemsMark, problems.size()).clear();
                resolvePairs(c, id, programOf, problems, firstPrograms, secondPrograms, owners, new HashMap<>());
            }
            parts.couplePairStart[c + 1] = firstPrograms.size();
        }
        parts.pairFirstProgram = firstPrograms.toArray();
        parts.pairSecondProgram = secondPrograms.toArray();
        parts.pairOwner = owners.toArray();
    }

    /**
     * Resolves the couple's pairs into the lists. Without {@code seen}: returns false as soon as two
     * pairs name the same streams (the caller then starts again with a map); with it, reports each
     * duplicate and leaves it out.
     */
    private boolean resolvePairs(int c, String id, int[] programOf, List<InstanceProblem> problems,
            IntList firstPrograms, IntList secondPrograms, IntList owners, Map<Long, Integer> seen) {
        int start = couplePairStart.get(c);
        int end = couplePairEnd.get(c);
        long[] keys = seen == null ? new long[end - start] : null;
        int count = 0;
        long width = programId.size() + 1L;
        for (int e = start; e < end; e++) {
            int i = e - start;
            int firstSymbol = pairFirst.get(e);
            int secondSymbol = pairSecond.get(e);
            if (firstSymbol == IdTable.NULL && secondSymbol == IdTable.NULL) {
                problems.add(new InstanceProblem("couple", id, rolField(i),
                        "[null, null] is not allowed: at least one partner must be matched in a pair"));
                continue;
            }
            int first = resolvePairSide(id, i, 0, firstSymbol, programOf, problems);
            int second = resolvePairSide(id, i, 1, secondSymbol, programOf, problems);
            if (first == UNKNOWN || second == UNKNOWN) {
                continue;
            }
            if (seen != null) {
                Integer earlier = seen.putIfAbsent((first + 1L) * width + (second + 1L), i);
                if (earlier != null) {
                    problems.add(new InstanceProblem("couple", id, rolField(i),
                            "pair " + describe(firstSymbol, secondSymbol) + " is ranked twice (also at rol[" + earlier + "])"));
                    continue;
                }
            } else {
                keys[count++] = (first + 1L) * width + (second + 1L);
            }
            firstPrograms.add(first);
            secondPrograms.add(second);
            owners.add(c);
        }
        if (keys != null) {
            Arrays.sort(keys, 0, count);
            for (int i = 1; i < count; i++) {
                if (keys[i] == keys[i - 1]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static final int UNKNOWN = -2;

    /** {@code rol[i]}, made only when a problem names it (not for each of a million entries). */
    private static String rolField(int i) {
        return "rol[" + i + "]";
    }

    private int resolveMember(MatchInstance.DenseParts parts, int c, String coupleId, String field,
            int symbol, int[] applicantOf, List<InstanceProblem> problems) {
        int applicant = symbol == IdTable.NULL ? -1 : applicantOf[symbol];
        if (applicant < 0) {
            problems.add(new InstanceProblem("couple", coupleId, field,
                    symbol == IdTable.NULL ? "is missing" : "refers to unknown applicant \"" + applicantTable.id(symbol) + "\""));
            return -1;
        }
        int other = parts.coupleOfApplicant[applicant];
        if (other >= 0 && other != c) {
            problems.add(new InstanceProblem("couple", coupleId, field,
                    "applicant \"" + applicantTable.id(symbol) + "\" is already a member of couple \"" + parts.coupleIds[other]
                            + "\" (an applicant is in at most one couple)"));
            return -1;
        }
        if (other < 0) {
            parts.coupleOfApplicant[applicant] = c;
        }
        return applicant;
    }

    private int resolvePairSide(String coupleId, int index, int side, int symbol, int[] programOf,
            List<InstanceProblem> problems) {
        if (symbol == IdTable.NULL) {
            return MatchInstance.NO_PROGRAM;
        }
        int program = programOf[symbol];
        if (program < 0) {
            problems.add(new InstanceProblem("couple", coupleId, rolField(index) + "[" + side + "]",
                    "refers to unknown program \"" + programTable.id(symbol) + "\""));
            return UNKNOWN;
        }
        return program;
    }

    private String describe(int first, int second) {
        return "[" + quoteOrNull(first) + ", " + quoteOrNull(second) + "]";
    }

    private String quoteOrNull(int symbol) {
        return symbol == IdTable.NULL ? "null" : "\"" + programTable.id(symbol) + "\"";
    }

    /** A growable int array, so that building a large instance does not box every entry. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        int get(int index) {
            return values[index];
        }

        void addAll(int[] from, int length) {
            if (size + length > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + length));
            }
            System.arraycopy(from, 0, values, size, length);
            size += length;
        }

        void truncate(int newSize) {
            size = newSize;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
