package org.residencymatch.lists;

import java.util.List;

/**
 * Something wrong with an uploaded list, said so the partner can find and fix it: the row (as a
 * spreadsheet numbers it, the header being row 1; 0 for the whole file), the column, and a code whose
 * text, in English and French, is {@code listProblem.<code>} in the message bundles, filled with
 * {@code args}.
 */
public record ListProblem(int row, String column, String code, List<String> args) {

    public static ListProblem ofFile(String code, String... args) {
        return new ListProblem(0, "", code, List.of(args));
    }

    public static ListProblem of(int row, String column, String code, String... args) {
        return new ListProblem(row, column, code, List.of(args));
    }
}
