package org.residencymatch.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

class TableReaderTest {

    @Test
    void readsFrenchExcelCsvInWindows1252WithSemicolons() throws Exception {
        byte[] file = "Nom;Province;Contingent\r\nLévesque;Québec;Régulier\r\n".getBytes(Charset.forName("windows-1252"));

        Table table = TableReader.read("liste.csv", file);

        assertThat(table.encoding()).isEqualTo("windows-1252");
        assertThat(table.headers()).containsExactly("Nom", "Province", "Contingent");
        assertThat(table.rows().get(0).cells()).containsExactly("Lévesque", "Québec", "Régulier");
    }

    @Test
    void readsUtf8WithAByteOrderMarkQuotedFieldsAndNewlinesInsideQuotes() throws Exception {
        String text = "\uFEFFname,note\n\"O'Brien-Lévesque, Siobhán\",\"two\nlines\"\nplain,x\n";

        Table table = TableReader.read("list.csv", text.getBytes(StandardCharsets.UTF_8));

        assertThat(table.encoding()).isEqualTo("UTF-8 (BOM)");
        assertThat(table.headers()).containsExactly("name", "note");
        assertThat(table.rows().get(0).cells()).containsExactly("O'Brien-Lévesque, Siobhán", "two\nlines");
        assertThat(table.rows().get(1).number()).isEqualTo(3);
    }

    @Test
    void readsTheFirstOrANamedSheetWithFormulasAsCachedValuesAndDatesAsDates() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet first = wb.newWorksheet("First");
            first.value(0, 0, "a");
            first.value(1, 0, 1);
            Worksheet second = wb.newWorksheet("Second");
            second.value(0, 0, "date");
            second.value(0, 1, "sum");
            second.value(1, 0, java.time.LocalDate.of(1990, 4, 3));
            second.style(1, 0).format("yyyy-mm-dd").set();
            second.formula(1, 1, "1+1");
        }

        assertThat(TableReader.read("w.xlsx", out.toByteArray()).rows().get(0).cells()).containsExactly("1");
        Table named = TableReader.read("w.xlsx", out.toByteArray(), "Second");
        assertThat(named.rows().get(0).cell(0)).isEqualTo("1990-04-03");
        // fastexcel writes no cached value for a formula: the reader gives it back empty, never evaluated.
        assertThat(named.rows().get(0).cell(1)).isEmpty();
    }

    @Test
    void refusesTheOldXlsFormatAndAFileThatOnlyPretendsToBeXlsx() {
        assertThatThrownBy(() -> TableReader.read("old.xls", new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}))
                .hasMessageContaining(".xls format is not supported");
        assertThatThrownBy(() -> TableReader.read("fake.xlsx", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("the content is not one");
    }

    @Test
    void refusesAZipBombWithBoundedWork() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 300; i++) zip.write(zeros);
        }
        assertThat(out.size()).isLessThan(1024 * 1024);

        assertThatThrownBy(() -> TableReader.read("bomb.xlsx", out.toByteArray())).hasMessageContaining("zip bomb");
    }

    @Test
    void refusesXmlEntityExpansion() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write(("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                    + "<workbook>&lol2;</workbook>").getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> TableReader.read("lol.xlsx", out.toByteArray())).hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesAZipThatIsNotAWorkbook() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> TableReader.read("x.xlsx", out.toByteArray())).hasMessageContaining("not an Excel workbook");
    }

    @Test
    void readsAWorkbookWithoutAStylesPartAsOtherToolsThanExcelWriteIt() throws Exception {
        // The smallest workbook the format allows: no styles, no shared strings, inline strings and a number.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            part(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            part(zip, "_rels/.rels",
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                            + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            part(zip, "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"AIMG\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            part(zip, "xl/_rels/workbook.xml.rels",
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                            + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            part(zip, "xl/worksheets/sheet1.xml",
                    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Family name</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>MMI score</t></is></c></row>"
                            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Haddad</t></is></c><c r=\"B2\"><v>88.5</v></c></row></sheetData></worksheet>");
        }

        Table table = TableReader.read("aimg.xlsx", out.toByteArray());

        assertThat(table.headers()).containsExactly("Family name", "MMI score");
        assertThat(table.rows()).singleElement().satisfies(row -> assertThat(row.cells()).containsExactly("Haddad", "88.5"));
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws java.io.IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesACellBeyondExcelsGridBeforeTheExcelReaderSizesARowByIt() throws Exception {
        // Found while fuzzing (docs/FUZZING.md): the Excel reader made row 2 as wide as column ZZZZZZ,
        // 321 million cells, from a file of 3 KB.
        byte[] beyond = withSheet(workbook(2, 2), sheet -> sheet.replace("r=\"B2\"", "r=\"ZZZZZZ2\""));
        byte[] belowLastRow = withSheet(workbook(2, 2), sheet -> sheet.replace("r=\"B2\"", "r=\"B1048577\""));
        byte[] notAReference = withSheet(workbook(2, 2), sheet -> sheet.replace("r=\"B2\"", "r=\"B-2\""));

        assertThatThrownBy(() -> TableReader.read("w.xlsx", beyond)).hasMessageContaining("beyond the last column (XFD) or row");
        assertThatThrownBy(() -> TableReader.read("w.xlsx", belowLastRow)).hasMessageContaining("beyond the last column (XFD) or row");
        assertThatThrownBy(() -> TableReader.read("w.xlsx", notAReference)).hasMessageContaining("not one Excel writes");
        // The last column itself is Excel's, and read.
        Table lastColumn = TableReader.read("w.xlsx", withSheet(workbook(2, 2), sheet -> sheet.replace("r=\"B2\"", "r=\"XFD2\"")));
        assertThat(lastColumn.rows().get(0).cells()).hasSize(XlsxGuard.MAX_COLUMNS).endsWith("v1,1");
    }

    @Test
    void refusesATableOfMoreCellsThanAListHolds() throws Exception {
        // Every row ends at Excel's last column: a few bytes of XML a row, 16,384 cells a row once read.
        int rows = TableReader.MAX_CELLS / XlsxGuard.MAX_COLUMNS + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = wb.newWorksheet("Wide");
            for (int r = 0; r <= rows; r++) {
                sheet.value(r, 0, "first");
                sheet.value(r, XlsxGuard.MAX_COLUMNS - 1, "last");
            }
        }
        assertThatThrownBy(() -> TableReader.read("wide.xlsx", out.toByteArray())).hasMessageContaining("more than 2000000 cells");

        String wideCsv = ("a" + ",".repeat(999) + "\n").repeat(TableReader.MAX_CELLS / 1000 + 1);
        assertThatThrownBy(() -> TableReader.read("wide.csv", wideCsv.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("more than 2000000 cells");
    }

    /** A workbook of one sheet whose cell (row r, column c), 0-based, holds "v{r},{c}". */
    private static byte[] workbook(int rows, int columns) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = wb.newWorksheet("Sheet");
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) sheet.value(r, c, "v" + r + "," + c);
            }
        }
        return out.toByteArray();
    }

    /** The workbook with its sheet's XML changed. */
    private static byte[] withSheet(byte[] xlsx, UnaryOperator<String> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get();
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipArchiveEntry entry : Collections.list(in.getEntries())) {
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
            }
        }
        return out.toByteArray();
    }

    @Test
    void imagesAndPdfsAreRefusedAsNoTextWhileUtf16TextGoesOnToTheDecoder() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> TableReader.read("photo.csv", png)).isInstanceOfSatisfying(TableReadException.class,
                e -> assertThat(e.reason()).isEqualTo(TableReadException.Reason.NOT_TEXT));
        assertThat(TableReader.isBinary("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(TableReader.isBinary("Nom;Prénom\r\nRoy;Ana\r\n".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(TableReader.isBinary("\uFEFFNom;Prénom".getBytes(StandardCharsets.UTF_16LE))).isFalse();
        assertThatThrownBy(() -> TableReader.read("old.xls", new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}))
                .isInstanceOfSatisfying(TableReadException.class, e -> assertThat(e.reason()).isEqualTo(TableReadException.Reason.OLD_XLS));
    }
}
