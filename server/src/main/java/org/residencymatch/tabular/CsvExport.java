package org.residencymatch.tabular;

import java.util.List;

/**
 * The one writer of CSV files for people to open in a spreadsheet (every export goes through it).
 *
 * <p>A cell is quoted when it holds a comma or a semicolon (whichever separator the file uses: French
 * Excel splits on {@code ;}, so both are always quoted), a double quote (doubled inside the quotes) or a
 * line break. A cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return would be run as a formula by a spreadsheet (formula injection): it is prefixed with an
 * apostrophe, which spreadsheets show as text.
 */
public final class CsvExport {

    public static final char COMMA = ',';
    public static final char SEMICOLON = ';';
    private static final String FORMULA_STARTS = "=+-@\t\r";
    /** A byte order mark, so that Excel opens the file as UTF-8 (accents intact). */
    private static final String BOM = "\uFEFF";

    private CsvExport() {
    }

    /** A whole file: a byte order mark, the header, then the rows, each line ending with CR LF. */
    public static String document(char separator, List<String> header, Iterable<? extends List<String>> rows) {
        StringBuilder csv = new StringBuilder(BOM).append(row(separator, header));
        for (List<String> row : rows) csv.append(row(separator, row));
        return csv.toString();
    }

    /** One line, comma-separated. */
    public static String row(List<String> cells) {
        return row(COMMA, cells);
    }

    /** One line with this separator, ending with CR LF. */
    public static String row(char separator, List<String> cells) {
        if (separator != COMMA && separator != SEMICOLON) throw new IllegalArgumentException("separator must be , or ;");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) line.append(separator);
            line.append(cell(cells.get(i)));
        }
        // A line of one empty cell would read as an empty line, which readers skip.
        if (cells.size() == 1 && line.isEmpty()) line.append("\"\"");
        return line.append("\r\n").toString();
    }

    /** The text a spreadsheet will show for this value: never a formula. */
    public static String neutralised(String value) {
        String text = value == null ? "" : value;
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    static String cell(String value) {
        String text = neutralised(value);
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == COMMA || c == SEMICOLON || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
