package org.residencymatch.engine.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A single applicant and a program stream, or a couple and a pair of streams, that block a
 * matching: they prefer each other to what the matching gives them.
 *
 * @param kind     whether a single applicant or a couple blocks
 * @param id       the applicant id (single) or the couple id
 * @param programs the stream (single: one element) or the pair (couple: two elements, {@code null}
 *                 for a "no match" side)
 */
public record BlockingPair(Kind kind, String id, List<String> programs) {

    /** Who blocks. */
    public enum Kind {
        SINGLE, COUPLE
    }

    public BlockingPair {
        // List.copyOf refuses nulls, and a couple's "no match" side is a null.
        programs = Collections.unmodifiableList(new ArrayList<>(programs));
    }

    static BlockingPair single(String applicantId, String programId) {
        return new BlockingPair(Kind.SINGLE, applicantId, List.of(programId));
    }

    static BlockingPair couple(String coupleId, String firstProgramId, String secondProgramId) {
        List<String> pair = new ArrayList<>(2);
        pair.add(firstProgramId);
        pair.add(secondProgramId);
        return new BlockingPair(Kind.COUPLE, coupleId, pair);
    }

    @Override
    public String toString() {
        if (kind == Kind.SINGLE) {
            return "applicant \"" + id + "\" and program \"" + programs.get(0) + "\"";
        }
        return "couple \"" + id + "\" and pair [" + quote(programs.get(0)) + ", " + quote(programs.get(1)) + "]";
    }

    private static String quote(String id) {
        return id == null ? "null" : "\"" + id + "\"";
    }
}
