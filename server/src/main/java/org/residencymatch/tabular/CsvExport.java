package org.residencymatch.tabular;

import java.util.List;

/**
 * Writes CSV for people to open in a spreadsheet. A cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would be run as a formula by Excel (formula
 * injection): it is prefixed with an apostrophe, which spreadsheets show as text.
 */
public final class CsvExport {

    private CsvExport() {}

    public static String row(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) line.append(',');
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) text = "'" + text;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
