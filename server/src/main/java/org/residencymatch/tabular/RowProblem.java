package org.residencymatch.tabular;

/**
 * Something wrong with one cell, row or column of an imported file, said so that a person can find
 * it and fix it.
 *
 * @param file the file name
 * @param row the row number as a spreadsheet shows it (the header is row 1), or 0 for the whole file
 * @param column the column's header, or empty when the problem is the row as a whole
 * @param reason what is wrong and what was expected
 */
public record RowProblem(String file, int row, String column, String reason) {
    @Override
    public String toString() {
        String where = row > 0 ? file + ", row " + row : file;
        if (!column.isEmpty()) where += ", column \"" + column + "\"";
        return where + ": " + reason;
    }
}
