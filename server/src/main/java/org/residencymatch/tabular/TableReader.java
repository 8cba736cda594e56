package org.residencymatch.tabular;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV or Excel ({@code .xlsx}) file into a {@link Table}. CSV may be separated by
 * {@code ,} or {@code ;} (French Excel writes {@code ;}), quoted, with newlines inside quotes, in any
 * of the encodings {@link TextDecoder} recognises. Excel formulas are read as the value the file
 * cached; they are never evaluated.
 */
public final class TableReader {

    /**
     * The most cells a table may have, the header's included: a list of 100,000 rows of 20 columns
     * fits. It bounds the memory a small file can claim: an Excel row is as wide as its last cell, so a
     * few bytes of XML can make a row of 16,384 cells, and a compressed file holds thousands of them.
     */
    static final int MAX_CELLS = 2_000_000;

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** The old binary Office format (.xls, .doc). */
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private TableReader() {
    }

    /** Reads the file, choosing the format from its content (an xlsx file is a zip archive). */
    public static Table read(String fileName, byte[] content) throws TableReadException {
        return read(fileName, content, null);
    }

    /**
     * Reads the file; for a workbook, {@code sheetName} picks a sheet (the first one when null).
     */
    public static Table read(String fileName, byte[] content, String sheetName) throws TableReadException {
        String lowerName = fileName.toLowerCase(Locale.ROOT);
        if (startsWith(content, ZIP_MAGIC)) {
            return XlsxReader.read(fileName, content, sheetName);
        }
        if (lowerName.endsWith(".xls") || startsWith(content, OLE2_MAGIC)) {
            throw new TableReadException(TableReadException.Reason.OLD_XLS,
                    fileName + ": the old Excel .xls format is not supported; save it as .xlsx or CSV");
        }
        if (lowerName.endsWith(".xlsx")) {
            throw new TableReadException(TableReadException.Reason.NOT_A_WORKBOOK,
                    fileName + ": the name says Excel workbook, but the content is not one");
        }
        if (isBinary(content)) {
            throw new TableReadException(TableReadException.Reason.NOT_TEXT, fileName + ": neither text nor an Excel workbook");
        }
        return readCsv(fileName, content);
    }

    /**
     * Whether the content is no text a spreadsheet writes: it starts as a PDF does, or holds a NUL byte
     * in its first 8 KB (images, PDFs' streams and programs do; a CSV never does, except in UTF-16, whose
     * byte order mark is let through to the text decoder).
     */
    static boolean isBinary(byte[] content) {
        if (startsWith(content, new byte[]{'%', 'P', 'D', 'F', '-'})) return true;
        if (startsWith(content, new byte[]{(byte) 0xFF, (byte) 0xFE}) || startsWith(content, new byte[]{(byte) 0xFE, (byte) 0xFF}))
            return false;
        for (int i = 0; i < Math.min(content.length, 8192); i++) if (content[i] == 0) return true;
        return false;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (content[i] != prefix[i]) return false;
        return true;
    }

    static Table readCsv(String fileName, byte[] content) throws TableReadException {
        TextDecoder.Decoded decoded = TextDecoder.decode(content);
        String text = decoded.text();
        char delimiter = guessDelimiter(text);
        // Cells are stripped of whitespace only: trim() would also drop control characters that must be refused.
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        List<String> headers = null;
        List<Table.Row> rows = new ArrayList<>();
        CellCount cellCount = new CellCount(fileName);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.stream().map(String::strip).toList();
                if (headers == null) {
                    cellCount.add(cells);
                    headers = cells;
                    continue;
                }
                if (allBlank(cells)) continue;
                cellCount.add(cells);
                // The header is row 1, so record n (1-based) is row n as a spreadsheet shows it.
                rows.add(new Table.Row((int) record.getRecordNumber(), cells));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new TableReadException(TableReadException.Reason.UNREADABLE_CSV,
                    fileName + ": not a readable CSV file (" + e.getMessage() + ")", e);
        }
        if (headers == null)
            throw new TableReadException(TableReadException.Reason.NO_HEADER, fileName + ": the file is empty; a header row is expected");
        return new Table(fileName, headers, rows, decoded.encoding());
    }

    /** The delimiter of the header line: whichever of ',' and ';' occurs more often outside quotes. */
    private static char guessDelimiter(String text) {
        int commas = 0, semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) break;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
        }
        return semicolons > commas ? ';' : ',';
    }

    static boolean allBlank(List<String> cells) {
        for (String cell : cells) if (!cell.isBlank()) return false;
        return true;
    }

    /** Counts the cells kept so far and refuses a table with more than {@link #MAX_CELLS}. */
    static final class CellCount {
        private final String fileName;
        private long count;

        CellCount(String fileName) {
            this.fileName = fileName;
        }

        void add(List<String> cells) throws TableReadException {
            count += cells.size();
            if (count > MAX_CELLS) {
                throw new TableReadException(TableReadException.Reason.TOO_MANY_CELLS,
                        fileName + ": refused because it has more than " + MAX_CELLS
                                + " cells, far more than a list holds");
            }
        }
    }
}
