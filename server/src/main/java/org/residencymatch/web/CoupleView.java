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
 * @param pairError the message key of what was wrong with the pair last added (shown beside its selects), or null
 */
public record CoupleView(Couple couple, String me, String partner, String partnerName, RankLists lists, List<String> order,
        List<String> myStreams, List<String> partnerStreams, String pairError) {

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

    static String pair(String mine, String partners) {
        return mine + SEPARATOR + partners;
    }

    static String[] sides(String pair) {
        String[] sides = pair.split(java.util.regex.Pattern.quote(SEPARATOR), -1);
        if (sides.length != 2) throw ApiException.badRequest("item", "a pair is written \"stream|stream\", an empty side meaning no match");
        return sides;
    }
}
