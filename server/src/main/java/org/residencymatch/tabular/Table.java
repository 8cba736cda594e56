package org.residencymatch.tabular;

import java.util.List;

/**
 * A spreadsheet-like file read into memory: its header cells and its data rows, whatever the format
 * (CSV or Excel) and encoding it arrived in.
 *
 * @param sourceName the file name, for error messages
 * @param headers the cells of the first row, as written
 * @param rows the data rows, without the header and without rows whose cells are all blank
 * @param encoding how the text was decoded ("UTF-8", "windows-1252", ... or "xlsx")
 */
public record Table(String sourceName, List<String> headers, List<Row> rows, String encoding) {

    /**
     * One data row.
     *
     * @param number the row's number as a person sees it in a spreadsheet: the header is row 1
     * @param cells the cells, trimmed, one per header (missing trailing cells are empty strings)
     */
    public record Row(int number, List<String> cells) {
        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }
}
