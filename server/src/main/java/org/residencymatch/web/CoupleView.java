package org.residencymatch.web;

import java.util.List;
import org.residencymatch.application.Couple;
import org.residencymatch.application.RankLists;

/**
 * An applicant's live couple (proposed or active) as their rank order list page shows it, always from
 * the viewer's side: {@code order} holds pairs as {@code "mine|partner's"}, an empty side meaning
 * "no match", whichever of the two is the couple's first partner in the database.
 *
 * @param partnerName the partner's name, only once the partner has consented (an active couple) or
 *     when the partner is the one who proposed; a proposer sees only the id they typed, so a proposal
 *     cannot be used to look up who holds an applicant id
 * @param unsaved whether {@code order} holds moves not saved yet
 * @param moved the pair just moved ("" when none), for the focus and the announcement
 * @param partnerSaved whether the newest saved version of the paired list was saved by the partner, not the viewer
 * @param error the key of a refusal to show in the form ("" when none)
 */
public record CoupleView(Couple couple, String me, String partner, String partnerName, RankLists lists, List<String> order,
        List<String> myStreams, List<String> partnerStreams, boolean unsaved, String moved, boolean partnerSaved, String error) {

    static final String SEPARATOR = "|";

    public boolean active() {
        return couple.status().equals("ACTIVE");
    }

    /** The viewer was asked and has not answered yet. */
    public boolean invited() {
        return couple.status().equals("PROPOSED") && couple.second().equals(me);
    }

    /** The viewer's stream in a pair, or "" for no match. */
    public static String mine(String pair) {
        return sides(pair)[0];
    }

    /** The partner's stream in a pair, or "" for no match. */
    public static String partners(String pair) {
        return sides(pair)[1];
    }

    /** A pair as the page and screen readers name it: "discipline · site + discipline · site", "No match" for an empty side. */
    public static String label(Page page, java.util.Map<String, org.residencymatch.program.ProgramStream> streams, String pair) {
        return side(page, streams.get(mine(pair))) + " + " + side(page, streams.get(partners(pair)));
    }

    private static String side(Page page, org.residencymatch.program.ProgramStream s) {
        return s == null ? page.t("couple.noMatch") : s.disciplineName(page.m().language()) + " · " + s.site();
    }

    static String pair(String mine, String partners) {
        return mine + SEPARATOR + partners;
    }

    static String[] sides(String pair) {
        String[] sides = pair.split(java.util.regex.Pattern.quote(SEPARATOR), -1);
        if (sides.length != 2) throw ApiException.badRequest("item", "a pair is written \"stream|stream\", an empty side meaning no match");
        return sides;
    }
}
