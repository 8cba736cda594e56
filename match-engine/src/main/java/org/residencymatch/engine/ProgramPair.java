package org.residencymatch.engine;

/**
 * One entry of a couple's rank order list: the program stream for the first partner and the one for
 * the second partner, by id. A {@code null} side means "no match" for that partner; both sides
 * {@code null} is not allowed (the builder refuses it).
 */
public record ProgramPair(String first, String second) {

    /** Shorthand for {@code new ProgramPair(first, second)}. */
    public static ProgramPair of(String first, String second) {
        return new ProgramPair(first, second);
    }
}
