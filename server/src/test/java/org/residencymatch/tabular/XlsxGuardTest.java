package org.residencymatch.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The checks of each part of a workbook as it is read once: chunk checks, their order, and the cell reference scan. */
class XlsxGuardTest {

    private static final String DOCTYPE = "<!DOCTYPE";

    @Test
    void aDoctypeSplitAcrossTwoChunksOfAPartIsSeen() {
        for (int split = 1; split < DOCTYPE.length(); split++) {
            XlsxGuard.Inflated part = new XlsxGuard.Inflated("f.xlsx", 1_000_000);
            part.open(chunks("<x><!DOC<" + DOCTYPE.substring(0, split), DOCTYPE.substring(split) + " x>"), true);

            assertThatThrownBy(part::readAllBytes).as("split after %d bytes", split).isInstanceOf(IOException.class);
            assertThatThrownBy(part::readToEnd).isInstanceOf(TableReadException.class).hasMessageContaining("declares a DOCTYPE");
        }
    }

    @Test
    void aDoctypeIsLookedForInXmlPartsOnlyAndNotCarriedFromOnePartToTheNext() throws Exception {
        XlsxGuard.Inflated part = new XlsxGuard.Inflated("f.xlsx", 1_000_000);
        part.open(chunks("an image that happens to hold ", DOCTYPE), false);
        assertThat(part.readAllBytes()).hasSize(30 + DOCTYPE.length());
        part.readToEnd();

        part.open(chunks("<a>", "<!DOC"), true);
        part.readAllBytes();
        part.readToEnd();
        part.open(chunks("TYPE"), true);
        assertThat(part.readAllBytes()).hasSize(4);
        part.readToEnd();
    }

    @Test
    void aPartOverTheLimitIsRefusedAsSoonAsItsChunkIsReadAndTheCountGoesOnAcrossParts() {
        int limit = 3 * XlsxGuard.Inflated.CHUNK;
        XlsxGuard.Inflated part = new XlsxGuard.Inflated("f.xlsx", limit);
        Endless first = new Endless(2 * XlsxGuard.Inflated.CHUNK);
        part.open(first, true);
        assertThat(catchThrowable(part::readAllBytes)).isNull();
        Endless second = new Endless(Long.MAX_VALUE);
        part.open(second, true);

        assertThatThrownBy(part::readAllBytes).isInstanceOf(IOException.class);
        assertThatThrownBy(part::readToEnd).isInstanceOf(TableReadException.class).hasMessageContaining("zip bomb");
        // Refused at the chunk that crossed the limit: nothing more was inflated, not even to finish the part.
        assertThat(second.given).isEqualTo(2L * XlsxGuard.Inflated.CHUNK);
    }

    @Test
    void whatTheParserLeavesOfAPartIsStillCountedAndScanned() {
        XlsxGuard.Inflated part = new XlsxGuard.Inflated("f.xlsx", 1_000_000);
        part.open(chunks("<a/>", "garbage after the root, then ", DOCTYPE), true);
        // The parser stops early (here after one chunk); the rest is read by readToEnd.
        assertThat(catchThrowable(() -> part.read(new byte[4]))).isNull();

        assertThatThrownBy(part::readToEnd).hasMessageContaining("declares a DOCTYPE");
    }

    @Test
    void theZipsOwnErrorIsKeptForReadToEndEvenIfTheParserSwallowedIt() {
        IOException broken = new IOException("invalid stored block lengths");
        XlsxGuard.Inflated part = new XlsxGuard.Inflated("f.xlsx", 1_000_000);
        part.open(new InputStream() {
            @Override
            public int read() throws IOException {
                throw broken;
            }
        }, true);

        assertThat(catchThrowable(part::read)).isSameAs(broken);
        assertThatThrownBy(part::readToEnd).isSameAs(broken);
    }

    @Test
    void theBytesOfAPartAreRefusedBeforeItsCellsWhereverTheyAreInIt() throws Exception {
        // The bad cell is in the first chunk the parser reads, the DOCTYPE or the excess far after it: the
        // refusal is still the one a read of the whole part before its cells gives, whether the part is the
        // sheet read for the table or another one, only inspected.
        String badCellFirst = "<worksheet><sheetData><row r=\"1\"><c r=\"ZZZZZZ1\"/></row>" + "<row><c/></row>".repeat(20_000);
        for (String part : new String[]{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}) {
            byte[] doctypeAfter = workbook(part, badCellFirst + "<!DOCTYPE x></sheetData></worksheet>");
            byte[] bombAfter = workbook(part, badCellFirst + " ".repeat(20_000_000) + "</sheetData></worksheet>");
            byte[] badCellOnly = workbook(part, badCellFirst + "</sheetData></worksheet>");

            assertThatThrownBy(() -> TableReader.read("w.xlsx", doctypeAfter)).as(part).hasMessageContaining("declares a DOCTYPE");
            assertThatThrownBy(() -> TableReader.read("w.xlsx", bombAfter)).as(part).hasMessageContaining("zip bomb");
            assertThatThrownBy(() -> TableReader.read("w.xlsx", badCellOnly)).as(part).hasMessageContaining("beyond the last column");
        }
    }

    @Property
    void aReferenceIsReadAsTheRegularExpressionItReplacedReadIt(@ForAll("references") String reference) {
        assertThat(outcome(() -> XlsxGuard.referenceColumn("f", reference))).isEqualTo(regexOutcome(reference));
    }

    /** Near-references (the characters a reference is made of, in any order) and well-formed ones at the grid's edges. */
    @Provide
    Arbitrary<String> references() {
        Arbitrary<String> near = Arbitraries.strings().withChars("$$AaDdFfXxZz0123456789 -é").ofMaxLength(12);
        Arbitrary<String> formed = net.jqwik.api.Combinators.combine(
                Arbitraries.of("", "$"), Arbitraries.strings().withChars("AaBDdFfXxZz").ofMinLength(1).ofMaxLength(4),
                Arbitraries.of("", "$"), Arbitraries.of("0", "1", "01", "9", "1048576", "1048577", "0001048", "9999999", "10000000"))
                .as((a, letters, b, digits) -> a + letters + b + digits);
        return Arbitraries.oneOf(near, formed, Arbitraries.of("XFD1", "XFE1", "xfd1048576", "$A$1", "A", "1", "", "$", "A$", "$1"));
    }

    /** The column or the refusal's message. */
    private static Object outcome(ColumnOf read) {
        try {
            return read.column();
        } catch (TableReadException e) {
            return e.getMessage();
        }
    }

    private interface ColumnOf {
        int column() throws TableReadException;
    }

    /** What XlsxGuard did before the hand-written scan, kept as the reference the scan must agree with. */
    private static Object regexOutcome(String reference) {
        Matcher m = Pattern.compile("\\$?([A-Za-z]+)\\$?([0-9]+)").matcher(reference);
        if (!m.matches()) return "f: refused because a cell reference is not one Excel writes";
        String letters = m.group(1).toUpperCase(Locale.ROOT);
        String digits = m.group(2);
        String beyond = "f: refused because it has a cell beyond the last column (XFD) or row (1048576) of a sheet";
        if (letters.length() > 3 || digits.length() > 7 || Integer.parseInt(digits) > XlsxGuard.MAX_ROWS) return beyond;
        int column = 0;
        for (char letter : letters.toCharArray()) column = column * 26 + letter - 'A' + 1;
        return column > XlsxGuard.MAX_COLUMNS ? beyond : column;
    }

    /**
     * A workbook whose one sheet (sheet1.xml, a header and a row) is read for the table, with the given
     * part (that sheet, or another one no sheet of the workbook points at), and an image of 16 KB that
     * does not compress, so that a part of a few hundred kilobytes that compresses very well is not
     * taken for a zip bomb.
     */
    private static byte[] workbook(String partName, String part) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "xl/workbook.xml", "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"List\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" "
                    + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>");
            if (!partName.equals("xl/worksheets/sheet1.xml")) {
                put(zip, "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>name</t></is></c></row>"
                        + "<row><c t=\"inlineStr\"><is><t>Haddad</t></is></c></row></sheetData></worksheet>");
            }
            put(zip, partName, part);
            zip.putNextEntry(new ZipEntry("xl/media/image1.png"));
            byte[] noise = new byte[16 * 1024];
            new java.util.Random(1).nextBytes(noise);
            zip.write(noise);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
    }

    /** A part that gives exactly one of these chunks per read. */
    private static InputStream chunks(String... chunks) {
        Deque<byte[]> left = new ArrayDeque<>();
        for (String chunk : chunks) left.add(chunk.getBytes(StandardCharsets.US_ASCII));
        return new InputStream() {
            @Override
            public int read() {
                throw new UnsupportedOperationException("read by chunks");
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (left.isEmpty()) return -1;
                byte[] chunk = left.poll();
                assertThat(chunk.length).isLessThanOrEqualTo(length);
                System.arraycopy(chunk, 0, into, offset, chunk.length);
                return chunk.length;
            }
        };
    }

    /** A part of {@code size} spaces, given as fast as asked for, that counts what it gave. */
    private static final class Endless extends InputStream {
        private final long size;
        long given;

        Endless(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return read(new byte[1], 0, 1) < 0 ? -1 : ' ';
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (given >= size) return -1;
            int n = (int) Math.min(length, size - given);
            java.util.Arrays.fill(into, offset, offset + n, (byte) ' ');
            given += n;
            return n;
        }
    }
}
