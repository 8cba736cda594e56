package org.residencymatch.application;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * How long the applicants' rank order lists in force are (the latest submitted version of each, as the
 * match reads them), counted in ranges of lengths: exact lengths for short lists, then wider ranges,
 * so a national cycle still fits in a few bars. Couples' paired lists are not counted here: a pair is
 * not a single applicant's choice.
 *
 * @param ranges every range, in increasing order, with how many lists fall in it (0 included)
 */
public record RankListLengths(List<Range> ranges, int lists) {

    /** Lists of {@code min} to {@code max} ranks ({@code max} null: no upper bound). */
    public record Range(int min, Integer max, int lists) {
    }

    /** The lower bounds of the ranges: 0 (a list submitted empty), 1, 2, 3, 4, 5, 6–10, 11–15, 16–20, 21 and more. */
    static final int[] LOWER_BOUNDS = {0, 1, 2, 3, 4, 5, 6, 11, 16, 21};

    public static RankListLengths of(Handle h, String cycleId, int iteration) {
        List<Integer> lengths = h
                .createQuery("SELECT (SELECT COUNT(*) FROM rank_list_entry e WHERE e.rank_list_id = r.id) FROM rank_list r "
                        + "WHERE r.cycle_id = :c AND r.iteration = :i AND r.owner_kind = 'APPLICANT' AND r.status = 'SUBMITTED' "
                        + "AND r.version = (SELECT MAX(r2.version) FROM rank_list r2 WHERE r2.cycle_id = r.cycle_id AND r2.iteration = r.iteration "
                        + "AND r2.owner_kind = r.owner_kind AND r2.owner_id = r.owner_id AND r2.status = 'SUBMITTED')")
                .bind("c", cycleId).bind("i", iteration).mapTo(Integer.class).list();
        return count(lengths);
    }

    /** Counts lengths into the ranges. */
    static RankListLengths count(List<Integer> lengths) {
        int[] counts = new int[LOWER_BOUNDS.length];
        for (int length : lengths) {
            for (int i = LOWER_BOUNDS.length - 1; i >= 0; i--) {
                if (length >= LOWER_BOUNDS[i]) {
                    counts[i]++;
                    break;
                }
            }
        }
        List<Range> ranges = new ArrayList<>();
        for (int i = 0; i < LOWER_BOUNDS.length; i++) {
            Integer max = i + 1 < LOWER_BOUNDS.length ? LOWER_BOUNDS[i + 1] - 1 : null;
            ranges.add(new Range(LOWER_BOUNDS[i], max, counts[i]));
        }
        return new RankListLengths(List.copyOf(ranges), lengths.size());
    }
}
