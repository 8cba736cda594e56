package org.residencymatch.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Why each program stream on an unmatched applicant's rank order list did not place them, read from a
 * stored run alone: the program's list in force, its positions and whom the run placed there. It says
 * nothing about anyone else: a reason names no other applicant and no rank but the applicant's own
 * standing ("ranked above you"). Each reason is a statement the stored data proves on its own; where
 * none is proved, it says so ({@link Reason#NOT_EXPLAINED}) rather than guess.
 */
public final class PlacementReasonPolicy {

    private PlacementReasonPolicy() {
    }

    /** Why a program did not place the applicant; the message key is {@code placementReason.<name>}. */
    public enum Reason {
        /** The program's rank order list in force does not hold the applicant. */
        DID_NOT_RANK_YOU,
        /** The stream had no position in this iteration. */
        NO_POSITIONS,
        /** Every position was taken, each by an applicant the program ranked above this one. */
        FILLED_WITH_APPLICANTS_RANKED_ABOVE_YOU,
        /** A couple's pair: this side alone proves nothing, the two could not be placed there together. */
        PAIR_NOT_PLACED_TOGETHER,
        /** The applicant's application to the stream did not take part in the match (withdrawn, or flagged by a refused fact). */
        APPLICATION_NOT_IN_MATCH,
        /** The stored run does not show why (the operator can look into it). */
        NOT_EXPLAINED
    }

    /**
     * What the run knows of one program stream.
     *
     * @param ranked    the applicants on the program's rank order list in force, most preferred first
     * @param positions its positions in the iteration
     * @param matched   the applicants the run placed there
     */
    public record Program(List<String> ranked, int positions, Set<String> matched) {
        public Program {
            ranked = List.copyOf(ranked);
            matched = Set.copyOf(matched);
        }
    }

    /**
     * One entry of the applicant's list and why it did not place them.
     *
     * @param streamId        the stream on the applicant's side
     * @param partnerStreamId in a couple's list, the partner's side of the pair ({@code null} for "no match"); null for a single
     */
    public record Explanation(String streamId, String partnerStreamId, boolean couple, Reason reason) {
    }

    /** One pair of a couple's list, the applicant's own side first ({@code null}: "no match" on that side). */
    public record Pair(String mine, String partners) {
    }

    /**
     * A single applicant's list: one explanation per stream, in the list's order.
     *
     * @param considered the streams whose application of this applicant took part in the match
     */
    public static List<Explanation> single(String applicant, List<String> list, Map<String, Program> programs, Set<String> considered) {
        List<Explanation> explanations = new ArrayList<>();
        for (String stream : list) {
            Reason reason = programReason(applicant, programs.get(stream));
            if (reason == null) reason = considered.contains(stream) ? Reason.NOT_EXPLAINED : Reason.APPLICATION_NOT_IN_MATCH;
            explanations.add(new Explanation(stream, null, false, reason));
        }
        return explanations;
    }

    /**
     * A member of a couple: one explanation per pair whose own side is a stream, in the list's order, up
     * to the pair the couple was placed at (the applicant is unmatched there by the couple's own choice of
     * "no match" on their side). Pairs with "no match" on the applicant's side name no program of theirs
     * and are left out.
     *
     * @param placed the pair the run placed the couple at, own side first, or null when it placed neither
     */
    public static List<Explanation> couple(String applicant, List<Pair> pairs, Map<String, Program> programs, Set<String> considered,
            Pair placed) {
        List<Explanation> explanations = new ArrayList<>();
        for (Pair pair : pairs) {
            if (placed != null && Objects.equals(pair, placed)) break;
            if (pair.mine() == null) continue;
            Reason reason = programReason(applicant, programs.get(pair.mine()));
            if (reason == null)
                reason = considered.contains(pair.mine()) ? Reason.PAIR_NOT_PLACED_TOGETHER : Reason.APPLICATION_NOT_IN_MATCH;
            explanations.add(new Explanation(pair.mine(), pair.partners(), true, reason));
        }
        return explanations;
    }

    /**
     * What the program's own data proves, or null when it proves nothing: not ranked; no position; every
     * position taken by someone the program ranked above the applicant. Never "filled" while a position
     * was free, nor while the program placed someone it ranked below the applicant (or did not rank).
     */
    static Reason programReason(String applicant, Program program) {
        if (program == null) return null;
        int mine = program.ranked().indexOf(applicant);
        if (mine < 0) return Reason.DID_NOT_RANK_YOU;
        if (program.positions() <= 0) return Reason.NO_POSITIONS;
        if (program.matched().size() < program.positions()) return null;
        for (String other : program.matched()) {
            int theirs = program.ranked().indexOf(other);
            if (theirs < 0 || theirs >= mine) return null;
        }
        return Reason.FILLED_WITH_APPLICANTS_RANKED_ABOVE_YOU;
    }
}
