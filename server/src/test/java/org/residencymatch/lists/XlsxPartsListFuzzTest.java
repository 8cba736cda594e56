package org.residencymatch.lists;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the XML inside a workbook (docs/FUZZING.md): a well-formed zip is built
 * around fuzzed parts, so that the fuzzer works on what the Excel reader parses (and on what
 * {@code XlsxGuard} looks for, such as a DOCTYPE) rather than on zip checksums. The input is the parts
 * of {@link #FUZZED_PARTS}, in that order, separated by NUL bytes (which XML cannot contain); a part
 * the input does not reach is left out of the workbook.
 *
 * <p>A plain {@code mvn verify} replays the corpus in
 * {@code src/test/resources/org/residencymatch/lists/XlsxPartsListFuzzTestInputs/parts/}.
 */
class XlsxPartsListFuzzTest {

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @DictionaryEntries({"<row r=\"", "<c r=\"", "\" t=\"s\">", "\" t=\"inlineStr\">", "\" t=\"str\">", "\" t=\"b\">",
            "\" t=\"e\">", "\" t=\"n\">", "\" s=\"1\"", "<v>", "</v>", "<f>", "</f>", "<is><t>", "</t></is>", "<si><t>",
            "</t></si>", "</c>", "</row>", "<sheetData>", "</sheetData>", "numFmtId=\"", "formatCode=\"", "<xf ",
            "<numFmt ", "<cellXfs", "<sheet name=\"", "r:id=\"rId3\"", "Target=\"", "<!DOCTYPE", "<!ENTITY",
            "&amp;", "&#x", "XFD1048576", "XFE1", "ZZZZZZ1", "A1048577", "<?xml version=\"1.0\"?>", "<r><t>", "</t></r>",
            "date1904=\"true\""})
    void parts(byte[] parts) throws IOException {
        ListFileContract.readAsEveryKind("list.xlsx", workbook(parts));
    }

    /** The parts the input gives, in order; the package's own parts are fixed. */
    static final List<String> FUZZED_PARTS = List.of(
            "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels");

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            </Types>""";

    private static final String ROOT_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>""";

    static byte[] workbook(byte[] parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
            put(zip, "_rels/.rels", ROOT_RELS.getBytes(StandardCharsets.UTF_8));
            int start = 0;
            for (int i = 0; i < FUZZED_PARTS.size() && start <= parts.length; i++) {
                int end = start;
                while (end < parts.length && parts[end] != 0) end++;
                put(zip, FUZZED_PARTS.get(i), Arrays.copyOfRange(parts, start, end));
                start = end + 1;
            }
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
