package org.residencymatch.application;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One saved version of a rank order list. For an applicant or a couple the items are program streams
 * (a couple's are pairs, {@code null} meaning "no match" for that partner); for a stream they are
 * applicants.
 */
public record RankList(long id, String ownerKind, String ownerId, int version, String status, LocalDateTime savedAt, String savedBy,
        List<Entry> entries) {

    /** One rank: {@code second} is set only in a couple's list. */
    public record Entry(String item, String second) {
    }

    public boolean submitted() {
        return status.equals("SUBMITTED");
    }
}
