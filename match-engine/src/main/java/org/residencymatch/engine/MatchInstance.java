package org.residencymatch.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An immutable, validated match instance in a dense layout: applicants, program streams and
 * couples are numbered {@code 0..n-1} in the order they were declared, and every list is stored in
 * flat {@code int} arrays. Build one with {@link #builder()}.
 *
 * <h2>Dense layout</h2>
 * Rank order lists are addressed by <em>entry</em> indices into flat arrays:
 * <ul>
 *   <li>an applicant's ROL is the entries {@code applicantRolStart(a) .. applicantRolEnd(a)-1};
 *       entry {@code e} names {@link #applicantRolProgram(int) a program} and carries
 *       {@link #applicantRolProgramRank(int) the rank that program gives the applicant} (or
 *       {@link #UNRANKED}), so that the question "does p rank a, and how high" costs one array
 *       read on the hot path, with no hashing and no boxing;</li>
 *   <li>a program's ROL is the entries {@code programRolStart(p) .. programRolEnd(p)-1}, rank
 *       {@code r} being entry {@code programRolStart(p) + r}; each entry carries the applicant
 *       and the applicant's own ROL entry for that program (or {@link #UNRANKED});</li>
 *   <li>a couple's list of pairs is the entries {@code couplePairStart(c) .. couplePairEnd(c)-1},
 *       each with a program per partner ({@link #NO_PROGRAM} for "no match") and the rank that
 *       program gives that partner.</li>
 * </ul>
 * Instances are immutable and safe to share between threads.
 */
public final class MatchInstance {

    /** Marks a side of a couple's pair that is "no match". */
    public static final int NO_PROGRAM = -1;
    /** Marks a rank or a ROL entry that does not exist: the other party does not rank this one. */
    public static final int UNRANKED = -1;

    private final String[] applicantIds;
    private final IdTable applicantTable;
    private final int[] applicantOfSymbol;
    private final int[] applicantRolStart;
    private final int[] applicantRolProgram;
    private final int[] applicantRolProgramRank;
    private final int[] applicantRolOwner;
    private final int[] coupleOfApplicant;

    private final String[] programIds;
    private final IdTable programTable;
    private final int[] programOfSymbol;
    private final int[] quota;
    private final int[] programRolStart;
    private final int[] programRolApplicant;
    private final int[] programRolApplicantEntry;

    private final String[] coupleIds;
    private final IdTable coupleTable;
    private final int[] coupleOfSymbol;
    private final int[] coupleFirst;
    private final int[] coupleSecond;
    private final int[] couplePairStart;
    private final int[] pairFirstProgram;
    private final int[] pairSecondProgram;
    private final int[] pairOwner;
    private final int[] pairFirstRank;
    private final int[] pairSecondRank;

    private final long totalPositions;

    MatchInstance(DenseParts parts) {
        this.applicantIds = parts.applicantIds;
        this.applicantTable = parts.applicantTable;
        this.applicantOfSymbol = parts.applicantOfSymbol;
        this.applicantRolStart = parts.applicantRolStart;
        this.applicantRolProgram = parts.applicantRolProgram;
        this.applicantRolOwner = parts.applicantRolOwner;
        this.coupleOfApplicant = parts.coupleOfApplicant;
        this.programIds = parts.programIds;
        this.programTable = parts.programTable;
        this.programOfSymbol = parts.programOfSymbol;
        this.quota = parts.quota;
        this.programRolStart = parts.programRolStart;
        this.programRolApplicant = parts.programRolApplicant;
        this.coupleIds = parts.coupleIds;
        this.coupleTable = parts.coupleTable;
        this.coupleOfSymbol = parts.coupleOfSymbol;
        this.coupleFirst = parts.coupleFirst;
        this.coupleSecond = parts.coupleSecond;
        this.couplePairStart = parts.couplePairStart;
        this.pairFirstProgram = parts.pairFirstProgram;
        this.pairSecondProgram = parts.pairSecondProgram;
        this.pairOwner = parts.pairOwner;

        this.applicantRolProgramRank = new int[applicantRolProgram.length];
        this.programRolApplicantEntry = new int[programRolApplicant.length];
        this.pairFirstRank = new int[pairFirstProgram.length];
        this.pairSecondRank = new int[pairSecondProgram.length];
        linkMutualRanks();

        long positions = 0;
        for (int q : quota) {
            positions += q;
        }
        this.totalPositions = positions;
    }

    /** Starts a new instance; see {@link MatchInstanceBuilder}. */
    public static MatchInstanceBuilder builder() {
        return new MatchInstanceBuilder();
    }

    /**
     * Fills the cross references between the two sides' lists (rank given by the program for each
     * applicant entry and pair side, and the applicant entry for each program entry), one program at
     * a time through a reverse index, so the whole costs O(total list length) and no hashing.
     */
    private void linkMutualRanks() {
        int programs = programIds.length;
        // Reverse index: for each program, the applicant entries (code >= 0) and pair sides
        // (code = -(2 * pairEntry + side) - 1) that name it.
        int[] referenceStart = new int[programs + 1];
        for (int program : applicantRolProgram) {
            referenceStart[program + 1]++;
        }
        for (int e = 0; e < pairFirstProgram.length; e++) {
            if (pairFirstProgram[e] != NO_PROGRAM) {
                referenceStart[pairFirstProgram[e] + 1]++;
            }
            if (pairSecondProgram[e] != NO_PROGRAM) {
                referenceStart[pairSecondProgram[e] + 1]++;
            }
        }
        for (int p = 0; p < programs; p++) {
            referenceStart[p + 1] += referenceStart[p];
        }
        int[] fill = Arrays.copyOf(referenceStart, programs);
        int[] references = new int[referenceStart[programs]];
        for (int e = 0; e < applicantRolProgram.length; e++) {
            references[fill[applicantRolProgram[e]]++] = e;
        }
        for (int e = 0; e < pairFirstProgram.length; e++) {
            if (pairFirstProgram[e] != NO_PROGRAM) {
                references[fill[pairFirstProgram[e]]++] = -(2 * e) - 1;
            }
            if (pairSecondProgram[e] != NO_PROGRAM) {
                references[fill[pairSecondProgram[e]]++] = -(2 * e + 1) - 1;
            }
        }

        int[] rankScratch = new int[applicantIds.length];
        int[] entryScratch = new int[applicantIds.length];
        Arrays.fill(rankScratch, UNRANKED);
        Arrays.fill(entryScratch, UNRANKED);
        for (int p = 0; p < programs; p++) {
            for (int j = programRolStart[p]; j < programRolStart[p + 1]; j++) {
                rankScratch[programRolApplicant[j]] = j - programRolStart[p];
            }
            for (int i = referenceStart[p]; i < referenceStart[p + 1]; i++) {
                int code = references[i];
                if (code >= 0) {
                    int applicant = applicantRolOwner[code];
                    applicantRolProgramRank[code] = rankScratch[applicant];
                    entryScratch[applicant] = code;
                } else {
                    int pairEntry = (-code - 1) / 2;
                    boolean firstSide = (-code - 1) % 2 == 0;
                    int couple = pairOwner[pairEntry];
                    if (firstSide) {
                        pairFirstRank[pairEntry] = rankScratch[coupleFirst[couple]];
                    } else {
                        pairSecondRank[pairEntry] = rankScratch[coupleSecond[couple]];
                    }
                }
            }
            for (int j = programRolStart[p]; j < programRolStart[p + 1]; j++) {
                programRolApplicantEntry[j] = entryScratch[programRolApplicant[j]];
            }
            for (int j = programRolStart[p]; j < programRolStart[p + 1]; j++) {
                rankScratch[programRolApplicant[j]] = UNRANKED;
            }
            for (int i = referenceStart[p]; i < referenceStart[p + 1]; i++) {
                if (references[i] >= 0) {
                    entryScratch[applicantRolOwner[references[i]]] = UNRANKED;
                }
            }
        }
        for (int e = 0; e < pairFirstProgram.length; e++) {
            if (pairFirstProgram[e] == NO_PROGRAM) {
                pairFirstRank[e] = UNRANKED;
            }
            if (pairSecondProgram[e] == NO_PROGRAM) {
                pairSecondRank[e] = UNRANKED;
            }
        }
    }

    // ---- sizes and ids ------------------------------------------------------------------------

    public int applicantCount() {
        return applicantIds.length;
    }

    public int programCount() {
        return programIds.length;
    }

    public int coupleCount() {
        return coupleIds.length;
    }

    /** The sum of all quotas. */
    public long totalPositions() {
        return totalPositions;
    }

    public String applicantId(int applicant) {
        return applicantIds[applicant];
    }

    public String programId(int program) {
        return programIds[program];
    }

    public String coupleId(int couple) {
        return coupleIds[couple];
    }

    /** The dense index of an applicant id, or {@code -1} if there is no such applicant. */
    public int applicantIndex(String id) {
        return indexOf(applicantTable, applicantOfSymbol, id);
    }

    /** The dense index of a program stream id, or {@code -1} if there is no such stream. */
    public int programIndex(String id) {
        return indexOf(programTable, programOfSymbol, id);
    }

    /** The dense index of a couple id, or {@code -1} if there is no such couple. */
    public int coupleIndex(String id) {
        return indexOf(coupleTable, coupleOfSymbol, id);
    }

    private static int indexOf(IdTable table, int[] indexOfSymbol, String id) {
        int symbol = table.find(id);
        return symbol == IdTable.NULL ? -1 : indexOfSymbol[symbol];
    }

    // ---- programs -----------------------------------------------------------------------------

    public int quota(int program) {
        return quota[program];
    }

    /** First entry of the program's ROL; the entry for rank {@code r} is {@code start + r}. */
    public int programRolStart(int program) {
        return programRolStart[program];
    }

    /** One past the last entry of the program's ROL. */
    public int programRolEnd(int program) {
        return programRolStart[program + 1];
    }

    /** The applicant at a program ROL entry. */
    public int programRolApplicant(int entry) {
        return programRolApplicant[entry];
    }

    /**
     * The entry of the applicant's own ROL that names this program, or {@link #UNRANKED} when the
     * applicant does not rank it (always so for couple members, whose lists are pairs).
     */
    public int programRolApplicantEntry(int entry) {
        return programRolApplicantEntry[entry];
    }

    /** Total number of program ROL entries, over all programs. */
    public int programRolEntryCount() {
        return programRolApplicant.length;
    }

    // ---- applicants ---------------------------------------------------------------------------

    /** The couple this applicant belongs to, or {@code -1} for a single applicant. */
    public int coupleOf(int applicant) {
        return coupleOfApplicant[applicant];
    }

    /** First entry of the applicant's own ROL (empty for couple members). */
    public int applicantRolStart(int applicant) {
        return applicantRolStart[applicant];
    }

    /** One past the last entry of the applicant's own ROL. */
    public int applicantRolEnd(int applicant) {
        return applicantRolStart[applicant + 1];
    }

    /** The program named at an applicant ROL entry. */
    public int applicantRolProgram(int entry) {
        return applicantRolProgram[entry];
    }

    /** The rank (0 = best) the entry's program gives the applicant, or {@link #UNRANKED}. */
    public int applicantRolProgramRank(int entry) {
        return applicantRolProgramRank[entry];
    }

    /** The applicant whose ROL holds this entry. */
    public int applicantRolOwner(int entry) {
        return applicantRolOwner[entry];
    }

    /** Total number of applicant ROL entries, over all single applicants. */
    public int applicantRolEntryCount() {
        return applicantRolProgram.length;
    }

    // ---- couples ------------------------------------------------------------------------------

    public int coupleFirst(int couple) {
        return coupleFirst[couple];
    }

    public int coupleSecond(int couple) {
        return coupleSecond[couple];
    }

    /** First entry of the couple's list of pairs. */
    public int couplePairStart(int couple) {
        return couplePairStart[couple];
    }

    /** One past the last entry of the couple's list of pairs. */
    public int couplePairEnd(int couple) {
        return couplePairStart[couple + 1];
    }

    /** The first partner's program at a pair entry, or {@link #NO_PROGRAM}. */
    public int pairFirstProgram(int entry) {
        return pairFirstProgram[entry];
    }

    /** The second partner's program at a pair entry, or {@link #NO_PROGRAM}. */
    public int pairSecondProgram(int entry) {
        return pairSecondProgram[entry];
    }

    /** The rank the first side's program gives the first partner, or {@link #UNRANKED}. */
    public int pairFirstRank(int entry) {
        return pairFirstRank[entry];
    }

    /** The rank the second side's program gives the second partner, or {@link #UNRANKED}. */
    public int pairSecondRank(int entry) {
        return pairSecondRank[entry];
    }

    /** The couple whose list holds this pair entry. */
    public int pairOwner(int entry) {
        return pairOwner[entry];
    }

    /** Total number of pair entries, over all couples. */
    public int pairEntryCount() {
        return pairFirstProgram.length;
    }

    // ---- id-level views, for writing an instance back out ---------------------------------------

    /** The program's ROL as applicant ids, most preferred first. */
    public List<String> programRolIds(int program) {
        List<String> ids = new ArrayList<>(programRolEnd(program) - programRolStart(program));
        for (int j = programRolStart(program); j < programRolEnd(program); j++) {
            ids.add(applicantIds[programRolApplicant[j]]);
        }
        return Collections.unmodifiableList(ids);
    }

    /** The applicant's own ROL as program ids, most preferred first (empty for couple members). */
    public List<String> applicantRolIds(int applicant) {
        List<String> ids = new ArrayList<>(applicantRolEnd(applicant) - applicantRolStart(applicant));
        for (int e = applicantRolStart(applicant); e < applicantRolEnd(applicant); e++) {
            ids.add(programIds[applicantRolProgram[e]]);
        }
        return Collections.unmodifiableList(ids);
    }

    /** The couple's list of pairs by program id, {@code null} for "no match". */
    public List<ProgramPair> couplePairIds(int couple) {
        List<ProgramPair> pairs = new ArrayList<>(couplePairEnd(couple) - couplePairStart(couple));
        for (int e = couplePairStart(couple); e < couplePairEnd(couple); e++) {
            pairs.add(new ProgramPair(idOrNull(pairFirstProgram[e]), idOrNull(pairSecondProgram[e])));
        }
        return Collections.unmodifiableList(pairs);
    }

    private String idOrNull(int program) {
        return program == NO_PROGRAM ? null : programIds[program];
    }

    /** The arrays a builder hands over; package-private plumbing between builder and instance. */
    static final class DenseParts {
        String[] applicantIds;
        IdTable applicantTable;
        int[] applicantOfSymbol;
        int[] applicantRolStart;
        int[] applicantRolProgram;
        int[] applicantRolOwner;
        int[] coupleOfApplicant;
        String[] programIds;
        IdTable programTable;
        int[] programOfSymbol;
        int[] quota;
        int[] programRolStart;
        int[] programRolApplicant;
        String[] coupleIds;
        IdTable coupleTable;
        int[] coupleOfSymbol;
        int[] coupleFirst;
        int[] coupleSecond;
        int[] couplePairStart;
        int[] pairFirstProgram;
        int[] pairSecondProgram;
        int[] pairOwner;
    }
}
