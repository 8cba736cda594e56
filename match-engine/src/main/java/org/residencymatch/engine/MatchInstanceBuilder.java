package org.residencymatch.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link MatchInstance} from string ids, in memory, and enforces every rule of the match
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

    private record ProgramDeclaration(String id, int quota, List<String> rol) {
    }

    private record ApplicantDeclaration(String id, List<String> rol) {
    }

    private record CoupleDeclaration(String id, String first, String second, List<ProgramPair> rol) {
    }

    private final List<ProgramDeclaration> programs = new ArrayList<>();
    private final List<ApplicantDeclaration> applicants = new ArrayList<>();
    private final List<CoupleDeclaration> couples = new ArrayList<>();

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
        programs.add(new ProgramDeclaration(id, quota, rol == null ? List.of() : new ArrayList<>(rol)));
        return this;
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
        applicants.add(new ApplicantDeclaration(id, rol == null ? null : new ArrayList<>(rol)));
        return this;
    }

    /**
     * Declares a couple of two declared applicants and its list of pairs, most preferred first.
     */
    public MatchInstanceBuilder couple(String id, String first, String second, List<ProgramPair> rol) {
        couples.add(new CoupleDeclaration(id, first, second, rol == null ? List.of() : new ArrayList<>(rol)));
        return this;
    }

    /**
     * Validates the declarations and builds the dense instance.
     *
     * @throws InvalidInstanceException listing every problem, when any rule is broken
     */
    public MatchInstance build() {
        List<InstanceProblem> problems = new ArrayList<>();
        Map<String, Integer> programIndex = indexIds("program", programs.stream().map(ProgramDeclaration::id).toList(), problems);
        Map<String, Integer> applicantIndex = indexIds("applicant", applicants.stream().map(ApplicantDeclaration::id).toList(), problems);
        Map<String, Integer> coupleIndex = indexIds("couple", couples.stream().map(CoupleDeclaration::id).toList(), problems);

        MatchInstance.DenseParts parts = new MatchInstance.DenseParts();
        parts.programIds = programs.stream().map(ProgramDeclaration::id).toArray(String[]::new);
        parts.applicantIds = applicants.stream().map(ApplicantDeclaration::id).toArray(String[]::new);
        parts.coupleIds = couples.stream().map(CoupleDeclaration::id).toArray(String[]::new);
        parts.programIndex = programIndex;
        parts.applicantIndex = applicantIndex;
        parts.coupleIndex = coupleIndex;

        resolveCouples(parts, applicantIndex, programIndex, problems);
        resolveApplicants(parts, applicantIndex, programIndex, problems);
        resolvePrograms(parts, applicantIndex, problems);

        if (!problems.isEmpty()) {
            throw new InvalidInstanceException(problems);
        }
        return new MatchInstance(parts);
    }

    private static Map<String, Integer> indexIds(String kind, List<String> ids, List<InstanceProblem> problems) {
        Map<String, Integer> index = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank()) {
                problems.add(new InstanceProblem(kind, id, "id", "is missing or blank (" + kind + " #" + (i + 1) + ")"));
                continue;
            }
            Integer earlier = index.putIfAbsent(id, i);
            if (earlier != null) {
                problems.add(new InstanceProblem(kind, id, "id",
                        "duplicate " + kind + " id: also " + kind + " #" + (earlier + 1) + " (ids must be unique within their kind)"));
            }
        }
        return index;
    }

    private void resolvePrograms(MatchInstance.DenseParts parts, Map<String, Integer> applicantIndex,
                                 List<InstanceProblem> problems) {
        int count = programs.size();
        parts.quota = new int[count];
        parts.programRolStart = new int[count + 1];
        IntList rolApplicants = new IntList();
        // Duplicates by dense index (one id, one index): seenIn[a] == p + 1 when program p already
        // ranks applicant a, at rol[seenAt[a]]. Two int arrays instead of a map per program.
        int[] seenIn = new int[applicants.size()];
        int[] seenAt = new int[applicants.size()];
        for (int p = 0; p < count; p++) {
            ProgramDeclaration program = programs.get(p);
            if (program.quota() < 0) {
                problems.add(new InstanceProblem("program", program.id(), "quota",
                        "must be an integer >= 0, was " + program.quota()));
            }
            parts.quota[p] = Math.max(0, program.quota());
            for (int i = 0; i < program.rol().size(); i++) {
                String applicantId = program.rol().get(i);
                Integer applicant = applicantId == null ? null : applicantIndex.get(applicantId);
                if (applicant == null) {
                    problems.add(new InstanceProblem("program", program.id(), rolField(i),
                            applicantId == null ? "is null: a program ROL holds applicant ids"
                                    : "refers to unknown applicant \"" + applicantId + "\""));
                    continue;
                }
                if (seenIn[applicant] == p + 1) {
                    problems.add(new InstanceProblem("program", program.id(), rolField(i),
                            "applicant \"" + applicantId + "\" is ranked twice (also at rol[" + seenAt[applicant] + "])"));
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

    private void resolveApplicants(MatchInstance.DenseParts parts, Map<String, Integer> applicantIndex,
                                   Map<String, Integer> programIndex, List<InstanceProblem> problems) {
        int count = applicants.size();
        parts.applicantRolStart = new int[count + 1];
        IntList rolPrograms = new IntList();
        IntList rolOwners = new IntList();
        // As for programs: seenIn[p] == a + 1 when applicant a already ranks program p, at rol[seenAt[p]].
        int[] seenIn = new int[programs.size()];
        int[] seenAt = new int[programs.size()];
        for (int a = 0; a < count; a++) {
            ApplicantDeclaration applicant = applicants.get(a);
            List<String> rol = applicant.rol() == null ? List.of() : applicant.rol();
            int couple = parts.coupleOfApplicant[a];
            if (couple >= 0 && !rol.isEmpty()) {
                problems.add(new InstanceProblem("applicant", applicant.id(), "rol",
                        "is a member of couple \"" + couples.get(couple).id()
                                + "\" and must not have a ROL of their own (the couple's list of pairs applies)"));
                rol = List.of();
            }
            for (int i = 0; i < rol.size(); i++) {
                String programId = rol.get(i);
                Integer program = programId == null ? null : programIndex.get(programId);
                if (program == null) {
                    problems.add(new InstanceProblem("applicant", applicant.id(), rolField(i),
                            programId == null ? "is null: an applicant ROL holds program stream ids"
                                    : "refers to unknown program \"" + programId + "\""));
                    continue;
                }
                if (seenIn[program] == a + 1) {
                    problems.add(new InstanceProblem("applicant", applicant.id(), rolField(i),
                            "program \"" + programId + "\" is ranked twice (also at rol[" + seenAt[program] + "])"));
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

    private void resolveCouples(MatchInstance.DenseParts parts, Map<String, Integer> applicantIndex,
                                Map<String, Integer> programIndex, List<InstanceProblem> problems) {
        int count = couples.size();
        parts.coupleOfApplicant = new int[applicants.size()];
        Arrays.fill(parts.coupleOfApplicant, -1);
        parts.coupleFirst = new int[count];
        parts.coupleSecond = new int[count];
        parts.couplePairStart = new int[count + 1];
        IntList firstPrograms = new IntList();
        IntList secondPrograms = new IntList();
        IntList owners = new IntList();
        for (int c = 0; c < count; c++) {
            CoupleDeclaration couple = couples.get(c);
            parts.coupleFirst[c] = resolveMember(parts, c, couple, "first", couple.first(), applicantIndex, problems);
            parts.coupleSecond[c] = resolveMember(parts, c, couple, "second", couple.second(), applicantIndex, problems);
            if (couple.first() != null && couple.first().equals(couple.second())) {
                problems.add(new InstanceProblem("couple", couple.id(), "second",
                        "is the same applicant as first (\"" + couple.first() + "\")"));
            }
            // Duplicate pairs are looked for on the resolved streams (a couple ranks a few hundred
            // pairs, a national instance a quarter of a million); only for a couple that has one is
            // its list resolved again with a map of pairs by id, which reports the earlier position.
            int mark = firstPrograms.size();
            int problemsMark = problems.size();
            if (!resolvePairs(c, couple, programIndex, problems, firstPrograms, secondPrograms, owners, null)) {
                firstPrograms.truncate(mark);
                secondPrograms.truncate(mark);
                owners.truncate(mark);
                problems.subList(problemsMark, problems.size()).clear();
                resolvePairs(c, couple, programIndex, problems, firstPrograms, secondPrograms, owners, new HashMap<>());
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
    private static boolean resolvePairs(int c, CoupleDeclaration couple, Map<String, Integer> programIndex,
                                        List<InstanceProblem> problems, IntList firstPrograms, IntList secondPrograms,
                                        IntList owners, Map<ProgramPair, Integer> seen) {
        List<ProgramPair> rol = couple.rol();
        long[] keys = seen == null ? new long[rol.size()] : null;
        int count = 0;
        long width = programIndex.size() + 1L;
        for (int i = 0; i < rol.size(); i++) {
            ProgramPair pair = rol.get(i);
            if (pair == null || (pair.first() == null && pair.second() == null)) {
                problems.add(new InstanceProblem("couple", couple.id(), rolField(i),
                        "[null, null] is not allowed: at least one partner must be matched in a pair"));
                continue;
            }
            int first = resolvePairSide(couple, i, 0, pair.first(), programIndex, problems);
            int second = resolvePairSide(couple, i, 1, pair.second(), programIndex, problems);
            if (first == UNKNOWN || second == UNKNOWN) {
                continue;
            }
            if (seen != null) {
                Integer earlier = seen.putIfAbsent(pair, i);
                if (earlier != null) {
                    problems.add(new InstanceProblem("couple", couple.id(), rolField(i),
                            "pair " + describe(pair) + " is ranked twice (also at rol[" + earlier + "])"));
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

    private int resolveMember(MatchInstance.DenseParts parts, int c, CoupleDeclaration couple, String field,
                              String applicantId, Map<String, Integer> applicantIndex,
                              List<InstanceProblem> problems) {
        Integer applicant = applicantId == null ? null : applicantIndex.get(applicantId);
        if (applicant == null) {
            problems.add(new InstanceProblem("couple", couple.id(), field,
                    applicantId == null ? "is missing" : "refers to unknown applicant \"" + applicantId + "\""));
            return -1;
        }
        int other = parts.coupleOfApplicant[applicant];
        if (other >= 0 && other != c) {
            problems.add(new InstanceProblem("couple", couple.id(), field,
                    "applicant \"" + applicantId + "\" is already a member of couple \"" + couples.get(other).id()
                            + "\" (an applicant is in at most one couple)"));
            return -1;
        }
        if (other < 0) {
            parts.coupleOfApplicant[applicant] = c;
        }
        return applicant;
    }

    private static int resolvePairSide(CoupleDeclaration couple, int index, int side, String programId,
                                       Map<String, Integer> programIndex, List<InstanceProblem> problems) {
        if (programId == null) {
            return MatchInstance.NO_PROGRAM;
        }
        Integer program = programIndex.get(programId);
        if (program == null) {
            problems.add(new InstanceProblem("couple", couple.id(), rolField(index) + "[" + side + "]",
                    "refers to unknown program \"" + programId + "\""));
            return UNKNOWN;
        }
        return program;
    }

    private static String describe(ProgramPair pair) {
        return "[" + quoteOrNull(pair.first()) + ", " + quoteOrNull(pair.second()) + "]";
    }

    private static String quoteOrNull(String id) {
        return id == null ? "null" : "\"" + id + "\"";
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

        void truncate(int newSize) {
            size = newSize;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
