package org.residencymatch.tabular;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The one writer of Excel workbooks for people to open: one sheet, a bold header row, then the rows.
 * Every cell is written as text, never as a formula, so a value such as {@code =1+1} or {@code @SUM(A1)}
 * is shown as typed (the same safety as {@link CsvExport}, which has to prefix such values).
 */
public final class XlsxExport {

    private XlsxExport() {
    }

    /** A whole workbook with one sheet named {@code sheet}. */
    public static byte[] document(String sheet, List<String> header, Iterable<? extends List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Residency Match", "1.0");
            Worksheet ws = workbook.newWorksheet(sheet);
            for (int c = 0; c < header.size(); c++) {
                ws.value(0, c, header.get(c));
                ws.style(0, c).bold().set();
            }
            int r = 1;
            for (List<String> row : rows) {
                for (int c = 0; c < row.size(); c++) {
                    String value = row.get(c);
                    if (value != null && !value.isEmpty()) ws.value(r, c, value);
                }
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
