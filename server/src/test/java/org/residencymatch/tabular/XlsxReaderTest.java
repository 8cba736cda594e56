package org.residencymatch.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/** How a workbook's parts become a table: the package's relationships, strings, styles, dates and cell types. */
class XlsxReaderTest {

    private static final String MAIN = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    private static final String TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    @Test
    void readsSharedStringsAsExcelShowsThemRichTextJoinedPhoneticGuidesLeftOutEscapesDecoded() throws Exception {
        byte[] xlsx = workbook(Map.of("xl/sharedStrings.xml", "<sst " + MAIN + ">"
                + "<si><t>Family name</t></si>"
                + "<si><r><t>O'Brien-</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">Lévesque</t></r></si>"
                + "<si><t>山田</t><rPh sb=\"0\" eb=\"2\"><t>やまだ</t></rPh></si>"
                + "<si><t>line_x000D_break and _x005F_x0041_ kept</t></si></sst>"),
                "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>"
                        + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c></row>"
                        + "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>3</v></c></row>");

        Table table = TableReader.read("w.xlsx", xlsx);

        assertThat(table.headers()).containsExactly("Family name");
        assertThat(table.rows()).extracting(row -> row.cell(0))
                .containsExactly("O'Brien-Lévesque", "山田", "line\rbreak and _x0041_ kept");
    }

    @Test
    void givesEachTypeOfCellAsText() throws Exception {
        byte[] xlsx = workbook(Map.of(), "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>h</t></is></c></row>"
                + "<row r=\"2\">"
                + "<c r=\"A2\" t=\"b\"><v>1</v></c><c r=\"B2\" t=\"b\"><v>0</v></c>"
                + "<c r=\"C2\" t=\"e\"><v>#N/A</v></c>"
                // Formulas: the value the file cached, typed as it says; the formula itself is never evaluated.
                + "<c r=\"D2\" t=\"str\"><f>UPPER(\"x\")</f><v>X</v></c><c r=\"E2\"><f>1+1.5</f><v>2.50</v></c>"
                + "<c r=\"F2\"><v>82</v></c><c r=\"G2\"><v>82.50</v></c><c r=\"H2\"><v>1.5E3</v></c><c r=\"I2\"><v>1234567890</v></c>"
                + "<c r=\"J2\"><v>1E+999999999</v></c><c r=\"K2\"><v>  </v></c><c r=\"L2\"><v>-0.25</v></c></row>");

        assertThat(TableReader.read("w.xlsx", xlsx).rows().get(0).cells())
                .containsExactly("TRUE", "FALSE", "#N/A", "X", "2.5", "82", "82.5", "1500", "1234567890", "1E+999999999", "", "-0.25");
    }

    @Test
    void readsNumbersWithADateFormatAsDatesBuiltInCustomOrIn1904System() throws Exception {
        String styles = "<styleSheet " + MAIN + "><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"
                + "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm:ss\"/></numFmts>"
                // The named styles (cellStyleXfs) do not count: only the cells' styles (cellXfs), in order.
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
                + "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"20\"/></cellXfs>"
                + "</styleSheet>";
        String rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>h</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>32936</v></c><c r=\"B2\" s=\"2\"><v>32936.75</v></c>"
                + "<c r=\"C2\" s=\"3\"><v>1.5</v></c><c r=\"D2\" s=\"4\"><v>0.5</v></c><c r=\"E2\" s=\"0\"><v>32936</v></c>"
                + "<c r=\"F2\" s=\"1\"><v>60</v></c><c r=\"G2\" s=\"99\"><v>32936</v></c></row>";

        assertThat(TableReader.read("w.xlsx", workbook(Map.of("xl/styles.xml", styles), rows)).rows().get(0).cells())
                // 60 is the 29 February 1900 Excel counts and that never was; style 99 does not exist.
                .containsExactly("1990-03-04", "1990-03-04", "1.5", "0.5", "32936", "60", "32936");
        byte[] in1904 = workbook(Map.of("xl/styles.xml", styles, "xl/workbook.xml", workbookPart("<workbookPr date1904=\"1\"/>", "Sheet1")),
                rows);
        assertThat(TableReader.read("w.xlsx", in1904).rows().get(0).cell(0)).isEqualTo("1994-03-05");
    }

    @Test
    void excelsDateSerialNumbersAtTheirKnownDays() {
        assertThat(XlsxReader.dateText(BigDecimal.ONE, false)).isEqualTo("1900-01-01");
        assertThat(XlsxReader.dateText(BigDecimal.valueOf(59), false)).isEqualTo("1900-02-28");
        assertThat(XlsxReader.dateText(BigDecimal.valueOf(61), false)).isEqualTo("1900-03-01");
        assertThat(XlsxReader.dateText(BigDecimal.valueOf(25569), false)).isEqualTo("1970-01-01");
        assertThat(XlsxReader.dateText(BigDecimal.valueOf(45658), false)).isEqualTo("2025-01-01");
        assertThat(XlsxReader.dateText(BigDecimal.valueOf(2958465), false)).isEqualTo("9999-12-31");
        assertThat(XlsxReader.dateText(BigDecimal.ZERO, true)).isEqualTo("1904-01-01");
        assertThat(XlsxReader.dateText(BigDecimal.valueOf(24107), true)).isEqualTo("1970-01-01");
        // Not days: said as the numbers they are.
        assertThat(XlsxReader.dateText(BigDecimal.valueOf(-1), false)).isEqualTo("-1");
        assertThat(XlsxReader.dateText(BigDecimal.valueOf(2958466), false)).isEqualTo("2958466");
    }

    @Property(tries = 100)
    void aDateWrittenByAnotherExcelWriterReadsBackAsTheSameDay(@ForAll @IntRange(min = 0, max = 2_900_000) int daysAfter1900March1)
            throws IOException, TableReadException {
        LocalDate day = LocalDate.of(1900, 3, 1).plusDays(daysAfter1900March1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = wb.newWorksheet("Dates");
            sheet.value(0, 0, "date");
            sheet.value(1, 0, day);
            sheet.style(1, 0).format("d mmm yyyy").set();
        }

        assertThat(TableReader.read("w.xlsx", out.toByteArray()).rows().get(0).cell(0)).isEqualTo(day.toString());
    }

    @Test
    void findsThePartsThroughThePackagesRelationshipsWhereverTheyAreAndInAnyCase() throws Exception {
        // The first sheet is the workbook's first, whatever its part is called; targets may be absolute.
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("_rels/.rels",
                "<Relationships><Relationship Id=\"rId1\" Type=\"" + TYPES + "officeDocument\" Target=\"book/Main.xml\"/></Relationships>");
        parts.put("book/Main.xml", workbookPart("", "List", "Other"));
        parts.put("book/_rels/Main.xml.rels", "<Relationships>"
                + "<Relationship Id=\"rId1\" Type=\"" + TYPES + "worksheet\" Target=\"/Sheets/Second.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + TYPES + "worksheet\" Target=\"../sheets/first.xml\"/>"
                + "<Relationship Id=\"rId9\" Type=\"" + TYPES + "hyperlink\" Target=\"https://example.org/\" TargetMode=\"External\"/>"
                + "</Relationships>");
        parts.put("sheets/second.xml", sheet("<row><c t=\"inlineStr\"><is><t>first sheet</t></is></c></row><row><c><v>1</v></c></row>"));
        parts.put("sheets/first.xml", sheet("<row><c t=\"inlineStr\"><is><t>second sheet</t></is></c></row><row><c><v>2</v></c></row>"));
        byte[] xlsx = zip(parts);

        assertThat(TableReader.read("w.xlsx", xlsx).headers()).containsExactly("first sheet");
        assertThat(TableReader.read("w.xlsx", xlsx, "Other").headers()).containsExactly("second sheet");
        assertThatThrownBy(() -> TableReader.read("w.xlsx", xlsx, "list")).hasMessageContaining("no sheet named \"list\"");
    }

    @Test
    void placesCellsByTheirReferencesOrOneAfterTheOtherAndLeavesBlankRowsOut() throws Exception {
        byte[] xlsx = workbook(Map.of(),
                "<row r=\"2\"><c t=\"inlineStr\"><is><t>a</t></is></c><c r=\"C2\" t=\"inlineStr\"><is><t>c</t></is></c></row>"
                        + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t> </t></is></c></row>"
                        + "<row r=\"5\"><c r=\"B5\"><v>2</v></c><c><v>3</v></c></row>");

        Table table = TableReader.read("w.xlsx", xlsx);

        assertThat(table.headers()).containsExactly("a", "", "c");
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo(5);
            assertThat(row.cells()).containsExactly("", "2", "3");
        });
    }

    @Test
    void refusesWhatNoExcelWriterWritesNamingTheCell() throws Exception {
        String header = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>h</t></is></c></row>";

        assertThatThrownBy(() -> TableReader.read("w.xlsx", workbook(Map.of(), header + "<row r=\"2\"><c r=\"B2\"><v>12,5</v></c></row>")))
                .hasMessage("w.xlsx: not a readable Excel workbook (cell B2 should hold a number but holds \"12,5\")");
        assertThatThrownBy(
                () -> TableReader.read("w.xlsx", workbook(Map.of(), header + "<row r=\"2\"><c r=\"AB2\" t=\"s\"><v>7</v></c></row>")))
                .hasMessageContaining("cell AB2 refers to a shared text the workbook does not have");
        assertThatThrownBy(
                () -> TableReader.read("w.xlsx", workbook(Map.of(), header + "<row r=\"2\"><c r=\"A2\" t=\"x\"><v>1</v></c></row>")))
                .hasMessageContaining("cell A2 is of a type Excel does not write (\"x\")");
        assertThatThrownBy(() -> TableReader.read("w.xlsx", workbook(Map.of(), header + "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")))
                .hasMessageContaining("its rows are out of order (row 1 after row 1)");
        assertThatThrownBy(() -> TableReader.read("w.xlsx", workbook(Map.of(), header + "<row r=\"x\"/>")))
                .hasMessageContaining("a row number is not one Excel writes (\"x\")");
        assertThatThrownBy(() -> TableReader.read("w.xlsx", workbook(Map.of(), header + "<row r=\"2\"><c r=\"A2\" r:r=\"B2\"/></row>")))
                .hasMessageContaining("a cell has two references");
        assertThatThrownBy(() -> TableReader.read("w.xlsx", workbook(Map.of(), header + "<row r=\"2\"><c><v>1</v></row>")))
                .hasMessageContaining("not a readable Excel workbook (xl/worksheets/sheet1.xml: ");
        assertThatThrownBy(() -> TableReader.read("w.xlsx", workbook(Map.of("xl/workbook.xml", workbookPart("")), header)))
                .hasMessageContaining("the workbook has no sheet");
    }

    @Test
    void readsOnlyTheRowsOfTheSheetsDataAndLetsALaterCellOfAColumnWinEvenBlank() throws Exception {
        String rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>h</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"A2\"/></row>"
                + "<row r=\"3\"><c r=\"A3\"><v>1</v></c><c r=\"A3\"><v>2</v></c></row>";
        byte[] xlsx = zip(Map.of("xl/workbook.xml", workbookPart("", "Sheet1"),
                "xl/_rels/workbook.xml.rels",
                "<Relationships><Relationship Id=\"rId1\" Type=\"" + TYPES
                        + "worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
                "xl/worksheets/sheet1.xml", "<worksheet " + MAIN + "><row r=\"9\"><c><v>before</v></c></row><sheetData>" + rows
                        + "</sheetData><row r=\"5\"><c><v>after</v></c></row></worksheet>"));

        Table table = TableReader.read("w.xlsx", xlsx);

        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo(3);
            assertThat(row.cells()).containsExactly("2");
        });
    }

    @Test
    void readsTheFirstSheetEvenWhenItIsBrokenRatherThanTheFirstWholeOne() throws Exception {
        String relationships = "<Relationships><Relationship Id=\"rId1\" Type=\"" + TYPES
                + "worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
        String sheet = sheet("<row><c t=\"inlineStr\"><is><t>h</t></is></c></row>");
        byte[] firstHasNoPart = zip(Map.of("xl/workbook.xml", "<workbook " + MAIN + "><sheets><sheet name=\"A\" sheetId=\"1\"/>"
                + "<sheet name=\"B\" sheetId=\"2\" r:id=\"rId1\"/></sheets></workbook>", "xl/_rels/workbook.xml.rels", relationships,
                "xl/worksheets/sheet1.xml", sheet));
        byte[] firstHasNoName = zip(
                Map.of("xl/workbook.xml", "<workbook " + MAIN + "><sheets><sheet sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
                        "xl/_rels/workbook.xml.rels", relationships, "xl/worksheets/sheet1.xml", sheet));

        assertThatThrownBy(() -> TableReader.read("w.xlsx", firstHasNoPart))
                .hasMessageContaining("the sheet \"A\" has no part in the workbook");
        assertThat(TableReader.read("w.xlsx", firstHasNoPart, "B").headers()).containsExactly("h");
        assertThat(TableReader.read("w.xlsx", firstHasNoName).headers()).containsExactly("h");
    }

    @Test
    void readsTheStrictFormatsDatesAndRefusesValuesNoWriterWrites() throws Exception {
        String header = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>h</t></is></c></row>";
        byte[] dates = workbook(Map.of(), header + "<row r=\"2\"><c t=\"d\"><v>1990-03-04T00:00:00</v></c><c t=\"d\"><v>1990-03-04</v></c>"
                + "<c t=\"b\"><v>true</v></c></row>");

        assertThat(TableReader.read("w.xlsx", dates).rows().get(0).cells()).containsExactly("1990-03-04", "1990-03-04", "TRUE");
        assertThatThrownBy(
                () -> TableReader.read("w.xlsx", workbook(Map.of(), header + "<row r=\"2\"><c r=\"C2\" t=\"b\"><v>2</v></c></row>")))
                .hasMessageContaining("cell C2 should hold TRUE or FALSE but holds \"2\"");
        assertThatThrownBy(() -> TableReader.read("w.xlsx", workbook(Map.of(), header + "<row r=\"2\"><c r=\"A2\"><v>1<b/></v></c></row>")))
                .hasMessageContaining("an element <v> holds markup where Excel writes only text");
        // A 1904 workbook ends earlier in serial numbers: beyond 9999-12-31 is no date.
        assertThat(XlsxReader.dateText(BigDecimal.valueOf(2_957_003), true)).isEqualTo("9999-12-31");
        assertThat(XlsxReader.dateText(BigDecimal.valueOf(2_957_004), true)).isEqualTo("2957004");
    }

    @Test
    void refusesTextThatIsNotUtf8AsUnreadable() throws Exception {
        // Found by fuzzing: the parser reads text lazily and says what is wrong with it unchecked.
        byte[] xlsx = workbook(Map.of("xl/sharedStrings.bin.xml", "<sst><si><t>L\u00e9vesque</t></si></sst>"),
                "<row><c t=\"s\"><v>0</v></c></row>");

        assertThatThrownBy(() -> TableReader.read("w.xlsx", xlsx)).isInstanceOf(TableReadException.class)
                .hasMessageContaining("not a readable Excel workbook (xl/sharedStrings.xml: ").hasMessageContaining("UTF-8");
    }

    @Test
    void refusesSharedStringsOfFarMoreTextOrMoreStringsThanAList() throws Exception {
        String longStrings = "<sst>" + ("<si><t>" + "x".repeat(1_000) + "</t></si>").repeat(XlsxReader.MAX_SHARED_STRING_CHARS / 1_000 + 1)
                + "</sst>";
        String manyStrings = "<sst>" + "<si><t>x</t></si>".repeat(TableReader.MAX_CELLS + 1) + "</sst>";

        for (String sharedStrings : new String[]{longStrings, manyStrings}) {
            // Text this repetitive compresses so well that it would be taken for a zip bomb without a part that does not.
            byte[] noise = new byte[400 * 1024];
            new java.util.Random(1).nextBytes(noise);
            Map<String, String> parts = Map.of("xl/sharedStrings.xml", sharedStrings, "xl/media/noise.bin",
                    new String(noise, StandardCharsets.ISO_8859_1));
            byte[] xlsx = workbook(parts, "<row><c t=\"s\"><v>0</v></c></row>");

            assertThatThrownBy(() -> TableReader.read("w.xlsx", xlsx)).hasMessageContaining("far more text than a list");
        }
    }

    @Test
    void refusesAPartCompressedInAWayExcelDoesNotUse() throws Exception {
        // Found by fuzzing: commons-compress hands a zstd part to a decompressor that is not on the class path.
        byte[] xlsx = workbook(Map.of(), "<row><c t=\"inlineStr\"><is><t>h</t></is></c></row>");
        for (int method : new int[]{12, 93, 95}) { // bzip2, zstd, xz
            byte[] other = withEveryPartsMethod(xlsx, method);

            assertThatThrownBy(() -> TableReader.read("w.xlsx", other)).as("method %d", method)
                    .isInstanceOf(TableReadException.class).hasMessageContaining("compressed in a way Excel does not use");
        }
        assertThat(TableReader.read("w.xlsx", xlsx).headers()).containsExactly("h");
    }

    /** The zip with the compression method of every entry, in its local header and in the central directory, changed. */
    private static byte[] withEveryPartsMethod(byte[] zip, int method) {
        byte[] changed = zip.clone();
        for (int i = 0; i + 12 < changed.length; i++) {
            if (changed[i] != 'P' || changed[i + 1] != 'K') continue;
            int offset = changed[i + 2] == 3 && changed[i + 3] == 4 ? 8 : changed[i + 2] == 1 && changed[i + 3] == 2 ? 10 : -1;
            if (offset < 0) continue;
            changed[i + offset] = (byte) method;
            changed[i + offset + 1] = 0;
        }
        return changed;
    }

    @Test
    void resolvesRelationshipTargetsAsZipEntryNames() {
        assertThat(XlsxReader.resolve("xl/", "worksheets/sheet1.xml")).isEqualTo("xl/worksheets/sheet1.xml");
        assertThat(XlsxReader.resolve("xl/", "/xl/worksheets/sheet1.xml")).isEqualTo("xl/worksheets/sheet1.xml");
        assertThat(XlsxReader.resolve("xl/", "./../sheet.xml")).isEqualTo("sheet.xml");
        assertThat(XlsxReader.resolve("xl/", "../../../etc/passwd")).isEqualTo("etc/passwd");
        assertThat(XlsxReader.reference(1, 2)).isEqualTo("A2");
        assertThat(XlsxReader.reference(28, 7)).isEqualTo("AB7");
        assertThat(XlsxReader.reference(16_384, 1)).isEqualTo("XFD1");
    }

    private static String workbookPart(String properties, String... sheetNames) {
        StringBuilder sheets = new StringBuilder();
        for (int i = 0; i < sheetNames.length; i++) {
            sheets.append("<sheet name=\"").append(sheetNames[i]).append("\" sheetId=\"").append(i + 1).append("\" r:id=\"rId")
                    .append(i + 1).append("\"/>");
        }
        return "<workbook " + MAIN + ">" + properties + "<sheets>" + sheets + "</sheets></workbook>";
    }

    private static String sheet(String rows) {
        return "<worksheet " + MAIN + "><sheetData>" + rows + "</sheetData></worksheet>";
    }

    /** A workbook of one sheet holding these rows, with these parts added or replacing the usual ones. */
    private static byte[] workbook(Map<String, String> parts, String rows) throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("xl/workbook.xml", workbookPart("", "Sheet1"));
        all.put("xl/_rels/workbook.xml.rels", "<Relationships>"
                + "<Relationship Id=\"rId1\" Type=\"" + TYPES + "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + TYPES + "styles\" Target=\"styles.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"" + TYPES + "sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
        all.put("xl/worksheets/sheet1.xml", sheet(rows));
        all.putAll(parts);
        return zip(all);
    }

    /** A zip of these parts: XML in UTF-8, and the parts named {@code .bin} as bytes (one char a byte, Latin-1). */
    private static byte[] zip(Map<String, String> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                boolean bytes = part.getKey().endsWith(".bin") || part.getKey().endsWith(".bin.xml");
                zip.putNextEntry(new ZipEntry(part.getKey().replace(".bin.xml", ".xml")));
                zip.write(part.getValue().getBytes(bytes ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
