package org.residencymatch.tabular;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import com.fasterxml.aalto.UncheckedStreamException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads one sheet of an Excel workbook ({@code .xlsx}) into a {@link Table}, inflating and parsing
 * each part of the zip once, through the checks of {@link XlsxGuard}: the parts the table needs
 * (workbook, its relationships, styles, shared strings, the sheet) are read first, in that order,
 * then every other part is inspected, so that a zip bomb or a DOCTYPE anywhere refuses the file.
 *
 * <p>A cell is given as Excel shows it, as text: shared and inline strings as written (rich text
 * runs joined, phonetic guides left out, {@code _x000D_}-style escapes decoded), numbers without a
 * spurious ".0", numbers with a date format as ISO dates, booleans as TRUE or FALSE, errors as
 * {@code #N/A} and the like. A formula is read as the value the file cached; it is never evaluated.
 */
final class XlsxReader {

    /** More text than the shared strings of any list: 100,000 rows of 20 cells of 25 characters. */
    static final int MAX_SHARED_STRING_CHARS = 50_000_000;
    private static final String ROOT_RELATIONSHIPS = "_rels/.rels";
    /** Where Excel puts the workbook, for a package that does not say. */
    private static final String DEFAULT_WORKBOOK = "xl/workbook.xml";

    /** Excel's built-in number formats that show a date (ids 14 to 17 and 22; 18 to 21 are times). */
    private static final Map<Integer, String> BUILT_IN_DATE_FORMATS = Map.of(14, "mm-dd-yy", 15, "d-mmm-yy", 16, "d-mmm", 17, "mmm-yy", 22,
            "m/d/yy h:mm");
    /** Day 1 of Excel's 1900 date system is 1900-01-01, and it counts a 29 February 1900 that never was (day 60). */
    private static final LocalDate DAY_ZERO_1900 = LocalDate.of(1899, 12, 31);
    private static final LocalDate DAY_ZERO_1904 = LocalDate.of(1904, 1, 1);
    /** Excel's last date; in the 1900 system, day 2,958,465. */
    private static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);
    private static final BigDecimal LAST_DAY = BigDecimal.valueOf(2_958_465);

    private final String fileName;
    private final ZipFile zip;
    private final XlsxGuard.Inflated inflated;
    private final Set<ZipArchiveEntry> readParts = Collections.newSetFromMap(new IdentityHashMap<>());

    private XlsxReader(String fileName, ZipFile zip, long maxUncompressed) {
        this.fileName = fileName;
        this.zip = zip;
        this.inflated = new XlsxGuard.Inflated(fileName, maxUncompressed);
    }

    /** Reads the sheet named {@code sheetName}, or the first sheet when it is null. */
    static Table read(String fileName, byte[] content, String sheetName) throws TableReadException {
        long maxUncompressed = Math.min(XlsxGuard.MAX_UNCOMPRESSED_BYTES, XlsxGuard.MAX_RATIO * Math.max(content.length, 1024));
        // The central directory (read by commons-compress) is what Excel itself trusts; entries written
        // with data descriptors have no sizes in their local headers.
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > XlsxGuard.MAX_ENTRIES) throw XlsxGuard.refused(fileName, "it has too many parts");
            XlsxReader reader = new XlsxReader(fileName, zip, maxUncompressed);
            Table table = null;
            TableReadException notRead = null;
            try {
                table = reader.readTable(sheetName);
            } catch (TableReadException e) {
                notRead = e;
            }
            // Every other part is inspected even when the table cannot be read: what is wrong with the
            // file's bytes anywhere (a zip bomb, a DOCTYPE) is said before what its table lacks.
            for (ZipArchiveEntry entry : entries) reader.inspect(entry);
            if (notRead != null) throw notRead;
            return table;
        } catch (IOException e) {
            throw unreadable(fileName, e.getMessage(), e);
        }
    }

    private Table readTable(String sheetName) throws IOException, TableReadException {
        String workbookName = workbookName();
        ZipArchiveEntry workbookEntry = entry(workbookName);
        if (workbookEntry == null) throw XlsxGuard.refused(fileName, "it is a zip file but not an Excel workbook");
        Workbook workbook = read(workbookEntry, XlsxReader::workbook);
        SheetEntry sheet = chooseSheet(workbook, sheetName);

        ZipArchiveEntry workbookRelationships = entry(relationshipsPartOf(workbookName));
        List<Relationship> parts = workbookRelationships == null
                ? List.of()
                : read(workbookRelationships, xml -> relationships(xml, folderOf(workbookName)));
        ZipArchiveEntry sheetEntry = null;
        ZipArchiveEntry stylesEntry = null;
        ZipArchiveEntry sharedStringsEntry = null;
        for (Relationship part : parts) {
            if (part.id().equals(sheet.relationshipId()) && part.isOfType("worksheet")) sheetEntry = entry(part.target());
            if (part.isOfType("styles")) stylesEntry = entry(part.target());
            if (part.isOfType("sharedStrings")) sharedStringsEntry = entry(part.target());
        }
        if (sheetEntry == null) {
            String which = sheet.name() == null ? "the first sheet" : "the sheet \"" + sheet.name() + "\"";
            throw unreadable(fileName, which + " has no part in the workbook", null);
        }
        // Without a styles part (the format allows it; tools other than Excel omit it) no cell shows a date.
        boolean[] dateStyles = stylesEntry == null ? new boolean[0] : read(stylesEntry, XlsxReader::dateStyles);
        List<String> sharedStrings = sharedStringsEntry == null ? List.of() : read(sharedStringsEntry, this::sharedStrings);
        Cells cells = new Cells(dateStyles, sharedStrings, workbook.date1904());
        return read(sheetEntry, xml -> table(xml, cells));
    }

    /** The workbook part the package's relationships name, or where Excel puts it if they do not. */
    private String workbookName() throws IOException, TableReadException {
        ZipArchiveEntry rootRelationships = entry(ROOT_RELATIONSHIPS);
        if (rootRelationships != null) {
            for (Relationship relationship : read(rootRelationships, xml -> relationships(xml, ""))) {
                if (relationship.isOfType("officeDocument")) return relationship.target();
            }
        }
        return DEFAULT_WORKBOOK;
    }

    /** What reads one part; it may refuse the part for what it finds in it. */
    private interface PartReader<T> {
        T read(XMLStreamReader xml) throws XMLStreamException, TableReadException;
    }

    /**
     * Reads a part the table needs. What is wrong with the part's bytes (too many, a DOCTYPE, a broken
     * zip), anywhere in it, is said before what is wrong with its content, as if the whole part had
     * been checked before it was parsed; a part that is not well-formed XML is unreadable.
     */
    private <T> T read(ZipArchiveEntry entry, PartReader<T> reader) throws IOException, TableReadException {
        readParts.add(entry);
        open(entry);
        T result = null;
        TableReadException refused = null;
        Exception broken = null;
        XMLStreamReader xml = null;
        try {
            xml = XlsxGuard.XML.createXMLStreamReader(inflated);
            result = reader.read(xml);
        } catch (TableReadException e) {
            refused = e;
        } catch (XMLStreamException | UncheckedStreamException e) {
            // The parser reads text lazily, so getText() (which may not throw XMLStreamException) says what
            // is wrong in it, such as bytes that are not UTF-8, wrapped unchecked (found by fuzzing).
            broken = e;
        } finally {
            XlsxGuard.closeQuietly(xml);
        }
        inflated.readToEnd();
        if (refused != null) throw refused;
        if (broken != null) throw unreadable(fileName, entry.getName() + ": " + broken.getMessage(), broken);
        return result;
    }

    /** Inspects a part the table does not need, unless it was read: its bytes and its cells, as far as it is XML. */
    private void inspect(ZipArchiveEntry entry) throws IOException, TableReadException {
        if (readParts.contains(entry)) return;
        open(entry);
        TableReadException cellRefused = null;
        try {
            XlsxGuard.checkCells(fileName, inflated);
        } catch (TableReadException e) {
            cellRefused = e;
        }
        inflated.readToEnd();
        if (cellRefused != null) throw cellRefused;
    }

    /**
     * Starts inflating the part. Excel stores or deflates every part; another method (bzip2, zstd, xz ...)
     * is refused rather than handed to a decompressor that may be missing or unbounded.
     */
    private void open(ZipArchiveEntry entry) throws IOException, TableReadException {
        if (entry.getMethod() != ZipEntry.STORED && entry.getMethod() != ZipEntry.DEFLATED) {
            throw XlsxGuard.refused(fileName, "a part is compressed in a way Excel does not use");
        }
        inflated.open(zip.getInputStream(entry), isXml(entry));
    }

    private static boolean isXml(ZipArchiveEntry entry) {
        return entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels");
    }

    /** The zip's entry of that name, or of that name in another case, as some tools write them; null if none. */
    private ZipArchiveEntry entry(String name) {
        ZipArchiveEntry entry = zip.getEntry(name);
        if (entry != null) return entry;
        for (ZipArchiveEntry other : Collections.list(zip.getEntries())) {
            if (other.getName().equalsIgnoreCase(name)) return other;
        }
        return null;
    }

    private static String folderOf(String partName) {
        return partName.substring(0, partName.lastIndexOf('/') + 1);
    }

    /** {@code xl/workbook.xml} has its relationships in {@code xl/_rels/workbook.xml.rels}. */
    private static String relationshipsPartOf(String partName) {
        return folderOf(partName) + "_rels/" + partName.substring(partName.lastIndexOf('/') + 1) + ".rels";
    }

    /** A relationship of the package: the part {@code target} (a zip entry name) is of kind {@code type}. */
    private record Relationship(String id, String type, String target) {
        /** Types are URIs ending in the kind's name, in the transitional and the strict namespaces alike. */
        boolean isOfType(String kind) {
            return type.endsWith("/" + kind);
        }
    }

    private static List<Relationship> relationships(XMLStreamReader xml, String folder) throws XMLStreamException {
        List<Relationship> relationships = new ArrayList<>();
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("Relationship")) continue;
            String id = attribute(xml, "Id");
            String type = attribute(xml, "Type");
            String target = attribute(xml, "Target");
            // An external target (a web address) is not a part of the zip.
            if (id == null || type == null || target == null || "External".equals(attribute(xml, "TargetMode"))) continue;
            relationships.add(new Relationship(id, type, resolve(folder, target)));
        }
        return relationships;
    }

    /** A relationship's target as a zip entry name: relative to the folder of the part, or absolute from the root. */
    static String resolve(String folder, String target) {
        String path = target.startsWith("/") ? target.substring(1) : folder + target;
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                if (!segments.isEmpty()) segments.remove(segments.size() - 1);
            } else if (!segment.equals(".") && !segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return String.join("/", segments);
    }

    /** A sheet as the workbook lists it; its name or its relationship may be missing in a broken workbook. */
    private record SheetEntry(String name, String relationshipId) {
    }

    private record Workbook(List<SheetEntry> sheets, boolean date1904) {
    }

    /** The sheet of that name, or the first one (in the workbook's order, as Excel shows its tabs) when null. */
    private SheetEntry chooseSheet(Workbook workbook, String name) throws TableReadException {
        if (workbook.sheets().isEmpty()) throw unreadable(fileName, "the workbook has no sheet", null);
        if (name == null) return workbook.sheets().get(0);
        for (SheetEntry sheet : workbook.sheets()) if (name.equals(sheet.name())) return sheet;
        throw new TableReadException(TableReadException.Reason.NO_SUCH_SHEET,
                fileName + ": the workbook has no sheet named \"" + name + "\"");
    }

    private static Workbook workbook(XMLStreamReader xml) throws XMLStreamException {
        List<SheetEntry> sheets = new ArrayList<>();
        boolean date1904 = false;
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) continue;
            if (xml.getLocalName().equals("workbookPr")) {
                String value = attribute(xml, "date1904");
                date1904 = "1".equals(value) || "true".equals(value);
            } else if (xml.getLocalName().equals("sheet")) {
                String name = attribute(xml, "name");
                String id = relationshipId(xml);
                // Kept even without a name or a part, so that the first sheet is the first, not the first whole one.
                sheets.add(new SheetEntry(name, id));
            }
        }
        return new Workbook(sheets, date1904);
    }

    /** The sheet's {@code r:id}: the attribute {@code id} in a namespace (the relationships' one, transitional or strict). */
    private static String relationshipId(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            if (xml.getAttributeLocalName(i).equals("id") && namespace != null && !namespace.isEmpty()) return xml.getAttributeValue(i);
        }
        return null;
    }

    /** Whether each cell style (the index a cell's {@code s} gives) shows numbers as dates. */
    private static boolean[] dateStyles(XMLStreamReader xml) throws XMLStreamException {
        Map<Integer, String> formats = new HashMap<>();
        List<Integer> styleFormats = new ArrayList<>();
        boolean inCellStyles = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("cellXfs")) inCellStyles = false;
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            switch (xml.getLocalName()) {
                case "numFmt" -> {
                    int id = number(attribute(xml, "numFmtId"));
                    String code = attribute(xml, "formatCode");
                    if (id >= 0 && code != null) formats.put(id, code);
                }
                case "cellXfs" -> inCellStyles = true;
                // Only the styles of cells: cellStyleXfs holds the named styles they are based on.
                case "xf" -> {
                    if (inCellStyles) styleFormats.add(number(attribute(xml, "numFmtId")));
                }
                default -> {
                }
            }
        }
        boolean[] dates = new boolean[styleFormats.size()];
        for (int i = 0; i < dates.length; i++) {
            int id = styleFormats.get(i);
            dates[i] = isDateFormat(formats.getOrDefault(id, BUILT_IN_DATE_FORMATS.get(id)));
        }
        return dates;
    }

    /** Whether an Excel number format shows a date (it has day, month or year parts outside quotes and brackets). */
    static boolean isDateFormat(String format) {
        if (format == null) return false;
        String bare = format.replaceAll("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", "").toLowerCase(Locale.ROOT);
        return bare.contains("d") || bare.contains("y") || (bare.contains("m") && !bare.contains("h") && !bare.contains("s"));
    }

    /** A non-negative integer attribute, or -1 when it is missing or not one. */
    private static int number(String value) {
        if (value == null || value.isEmpty() || value.length() > 9) return -1;
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + c - '0';
        }
        return n;
    }

    private List<String> sharedStrings(XMLStreamReader xml) throws XMLStreamException, TableReadException {
        List<String> strings = new ArrayList<>();
        long characters = 0;
        StringBuilder text = null;
        int phonetic = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "si" -> text = new StringBuilder();
                    case "rPh" -> phonetic++;
                    case "t" -> {
                        if (text != null && phonetic == 0) text.append(text(xml));
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (xml.getLocalName().equals("rPh")) phonetic--;
                if (xml.getLocalName().equals("si") && text != null) {
                    characters += text.length();
                    strings.add(unescape(text));
                    text = null;
                    if (strings.size() > TableReader.MAX_CELLS || characters > MAX_SHARED_STRING_CHARS) {
                        throw XlsxGuard.refused(fileName, "it holds far more text than a list");
                    }
                }
            }
        }
        return strings;
    }

    /** What the cells of the sheet need from the rest of the workbook to be given as text. */
    private record Cells(boolean[] dateStyles, List<String> sharedStrings, boolean date1904, Map<Integer, String> dates) {
        Cells(boolean[] dateStyles, List<String> sharedStrings, boolean date1904) {
            this(dateStyles, sharedStrings, date1904, new HashMap<>());
        }

        /** The date of a whole serial number, worked out once a day: a list has thousands of birthdays, each many times. */
        String dateText(int serial) {
            return dates.computeIfAbsent(serial, day -> XlsxReader.dateText(BigDecimal.valueOf(day), date1904));
        }
    }

    /** Digits without a leading zero (or 0 alone), up to 15 of them: a whole number that is its own text. */
    private static boolean isWholeNumber(String raw) {
        int length = raw.length();
        if (length > 15 || (raw.charAt(0) == '0' && length > 1)) return false;
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /**
     * Reads the sheet's rows: the first row with a cell that is not blank is the header, blank rows
     * are left out, and a row is as wide as its last cell that is not blank.
     */
    private Table table(XMLStreamReader xml, Cells workbook) throws XMLStreamException, TableReadException {
        List<String> headers = null;
        List<Table.Row> rows = new ArrayList<>();
        TableReader.CellCount cellCount = new TableReader.CellCount(fileName);
        int rowNumber = 0;
        List<String> row = null;
        int column = 0;
        Cell cell = null;
        int phonetic = 0;
        boolean inSheetData = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "sheetData" -> inSheetData = true;
                    case "row" -> {
                        column = 0;
                        // Rows are the sheet's data only within sheetData; cells elsewhere are only checked.
                        if (inSheetData) {
                            if (row != null) throw XlsxGuard.refused(fileName, "a row holds another row");
                            rowNumber = rowNumber(xml, rowNumber);
                            row = new ArrayList<>();
                        }
                    }
                    case "c" -> {
                        if (cell != null) throw XlsxGuard.refused(fileName, "a cell holds another cell");
                        // The attributes are read in one pass: a sheet has hundreds of thousands of cells.
                        String reference = null, type = null, style = null;
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            switch (xml.getAttributeLocalName(i)) {
                                case "r" -> {
                                    if (reference != null) throw XlsxGuard.twoReferences(fileName);
                                    reference = xml.getAttributeValue(i);
                                }
                                case "t" -> type = xml.getAttributeValue(i);
                                case "s" -> style = xml.getAttributeValue(i);
                                default -> {
                                }
                            }
                        }
                        // Checked wherever it is, as in the parts that are only inspected; kept only within a row.
                        column = XlsxGuard.cellColumn(fileName, reference, column);
                        cell = new Cell(type, number(style));
                    }
                    case "v" -> {
                        if (cell != null) cell.value = text(xml);
                    }
                    case "is" -> {
                        if (cell != null) cell.inline = new StringBuilder();
                    }
                    case "rPh" -> phonetic++;
                    case "t" -> {
                        if (cell != null && cell.inline != null && phonetic == 0) cell.inline.append(text(xml));
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "c" -> {
                        if (cell != null && row != null) {
                            String text = cellText(cell, workbook, column, rowNumber).strip();
                            // A blank cell is placed only over an earlier cell of its column: a later cell wins.
                            if (!text.isEmpty() || column <= row.size()) place(row, column, text);
                        }
                        cell = null;
                    }
                    case "sheetData" -> inSheetData = false;
                    case "row" -> {
                        if (row != null && !TableReader.allBlank(row)) {
                            cellCount.add(row);
                            if (headers == null) headers = row;
                            else
                                rows.add(new Table.Row(rowNumber, row));
                        }
                        row = null;
                    }
                    case "rPh" -> phonetic--;
                    default -> {
                    }
                }
            }
        }
        if (headers == null)
            throw new TableReadException(TableReadException.Reason.NO_HEADER, fileName + ": the sheet is empty; a header row is expected");
        return new Table(fileName, headers, rows, "xlsx");
    }

    /** A cell as the sheet gives it: its type ({@code t}), style ({@code s}, -1 if none) and raw value. */
    private static final class Cell {
        final String type;
        final int style;
        String value;
        StringBuilder inline;

        Cell(String type, int style) {
            this.type = type == null ? "n" : type;
            this.style = style;
        }
    }

    /** The row's number: its {@code r}, or the one after the previous row; rows come in order, as Excel writes them. */
    private int rowNumber(XMLStreamReader xml, int previous) throws TableReadException {
        String reference = attribute(xml, "r");
        int number = reference == null ? previous + 1 : number(reference);
        if (number < 1 || (reference != null && number > XlsxGuard.MAX_ROWS)) {
            throw XlsxGuard.refused(fileName, "a row number is not one Excel writes (\"" + reference + "\")");
        }
        if (number > XlsxGuard.MAX_ROWS) throw XlsxGuard.refused(fileName, "it has a row beyond the last row (1048576) of a sheet");
        if (number <= previous)
            throw XlsxGuard.refused(fileName, "its rows are out of order (row " + number + " after row " + previous + ")");
        return number;
    }

    /** Puts the text in its 1-based column, the cells before it blank if the row has none there; a later cell wins. */
    private static void place(List<String> row, int column, String text) {
        while (row.size() < column - 1) row.add("");
        if (row.size() == column - 1) row.add(text);
        else
            row.set(column - 1, text);
    }

    private String cellText(Cell cell, Cells workbook, int column, int row) throws TableReadException {
        String value = cell.value;
        switch (cell.type) {
            case "s" -> {
                if (value == null || value.isBlank()) return "";
                int index = number(value.strip());
                if (index < 0 || index >= workbook.sharedStrings().size()) {
                    throw unreadable(fileName, "cell " + reference(column, row) + " refers to a shared text the workbook does not have",
                            null);
                }
                return workbook.sharedStrings().get(index);
            }
            case "inlineStr" -> {
                return cell.inline == null ? "" : unescape(cell.inline);
            }
            case "str", "e" -> {
                return value == null ? "" : unescape(value);
            }
            case "d" -> {
                // An ISO 8601 date, with a time of day or not (the strict format's date cells): the date.
                if (value == null) return "";
                String date = value.strip();
                return date.length() > 10 && date.charAt(10) == 'T' ? date.substring(0, 10) : date;
            }
            case "b" -> {
                if (value == null || value.isBlank()) return "";
                return switch (value.strip()) {
                    case "1", "true" -> "TRUE";
                    case "0", "false" -> "FALSE";
                    default -> throw unreadable(fileName,
                            "cell " + reference(column, row) + " should hold TRUE or FALSE but holds \"" + value + "\"", null);
                };
            }
            case "n" -> {
                if (value == null || value.isBlank()) return "";
                boolean date = cell.style >= 0 && cell.style < workbook.dateStyles().length && workbook.dateStyles()[cell.style];
                String raw = value.strip();
                // Most numbers of a list are whole (codes, dates): as Excel writes them, they are their own text.
                if (isWholeNumber(raw)) {
                    if (!date) return raw;
                    if (raw.length() <= 7) return workbook.dateText(Integer.parseInt(raw));
                }
                BigDecimal number;
                try {
                    number = new BigDecimal(raw);
                } catch (NumberFormatException e) {
                    throw unreadable(fileName, "cell " + reference(column, row) + " should hold a number but holds \"" + value + "\"",
                            null);
                }
                return date ? dateText(number, workbook.date1904()) : numberText(number);
            }
            default -> throw unreadable(fileName,
                    "cell " + reference(column, row) + " is of a type Excel does not write (\"" + cell.type + "\")", null);
        }
    }

    /** A number without a spurious ".0"; in scientific notation only when written out it would be very long. */
    static String numberText(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        // 1E+999999999 is a valid number: written out, it would be a billion characters.
        return Math.abs(stripped.scale()) > 30 ? stripped.toString() : stripped.toPlainString();
    }

    /** An Excel date serial number as an ISO date (the time of day dropped); a number that is no date stays a number. */
    static String dateText(BigDecimal serial, boolean date1904) {
        if (serial.signum() < 0 || serial.compareTo(LAST_DAY) > 0) return numberText(serial);
        long day = serial.longValue();
        LocalDate date;
        if (date1904) {
            date = DAY_ZERO_1904.plusDays(day);
        } else {
            // Day 0 and the 29 February 1900 Excel counts are no dates; after that day, every day is one late.
            if (day == 0 || day == 60) return numberText(serial);
            date = DAY_ZERO_1900.plusDays(day < 60 ? day : day - 1);
        }
        return date.isAfter(LAST_DATE) ? numberText(serial) : date.toString();
    }

    /**
     * The text of the element the parser is at, up to its end: a value or a string, which Excel writes
     * as text only. Markup inside one is refused in words rather than with the parser's.
     */
    private String text(XMLStreamReader xml) throws XMLStreamException, TableReadException {
        String name = xml.getLocalName();
        StringBuilder text = null;
        String only = null;
        while (true) {
            switch (xml.next()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                        XMLStreamConstants.ENTITY_REFERENCE -> {
                    // Most values are one run of characters: no builder for them.
                    if (only == null && text == null) {
                        only = xml.getText();
                    } else {
                        if (text == null) text = new StringBuilder(only);
                        text.append(xml.getText());
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> throw XlsxGuard.refused(fileName,
                        "an element <" + name + "> holds markup where Excel writes only text");
                case XMLStreamConstants.END_ELEMENT -> {
                    return text != null ? text.toString() : only != null ? only : "";
                }
                default -> {
                    // Comments and processing instructions are not text.
                }
            }
        }
    }

    /** Decodes the {@code _xHHHH_} escapes Excel writes for characters XML cannot hold (such as {@code _x000D_}). */
    static String unescape(CharSequence text) {
        String s = text.toString();
        int escape = s.indexOf("_x");
        if (escape < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        int from = 0;
        while (escape >= 0) {
            if (escape + 7 <= s.length() && s.charAt(escape + 6) == '_' && isHex(s, escape + 2, escape + 6)) {
                out.append(s, from, escape).append((char) Integer.parseInt(s.substring(escape + 2, escape + 6), 16));
                from = escape + 7;
                escape = s.indexOf("_x", from);
            } else {
                escape = s.indexOf("_x", escape + 1);
            }
        }
        return out.append(s, from, s.length()).toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) if (Character.digit(s.charAt(i), 16) < 0) return false;
        return true;
    }

    /** A cell's reference as Excel shows it: column letters, then the row number. */
    static String reference(int column, int row) {
        StringBuilder letters = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) letters.insert(0, (char) ('A' + (c - 1) % 26));
        return letters.toString() + row;
    }

    /** The attribute of that local name, in no namespace; null if the element has none. */
    private static String attribute(XMLStreamReader xml, String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals(name)) {
                String namespace = xml.getAttributeNamespace(i);
                if (namespace == null || namespace.isEmpty()) return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    private static TableReadException unreadable(String fileName, String why, Throwable cause) {
        return new TableReadException(fileName + ": not a readable Excel workbook (" + why + ")", cause);
    }
}
