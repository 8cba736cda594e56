package org.residencymatch.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Looks inside an .xlsx (a zip of XML parts) before the Excel reader does, with bounded memory and
 * time: refuses a zip bomb (too much uncompressed data, too many parts, an extreme compression
 * ratio), any part that declares a DOCTYPE (the door to XML entity expansion and external
 * entities; Excel never writes one), and any cell outside Excel's grid (the reader makes a row as
 * wide as its last cell, so {@code <c r="ZZZZZZ1"/>} alone would claim gigabytes).
 */
final class XlsxGuard {

    static final long MAX_UNCOMPRESSED_BYTES = 200L * 1024 * 1024;
    static final int MAX_ENTRIES = 2_000;
    static final long MAX_RATIO = 200;
    /** Excel's grid ends at column XFD and row 1,048,576; Excel writes no cell beyond it. */
    static final int MAX_COLUMNS = 16_384;
    static final int MAX_ROWS = 1_048_576;
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
    /** A cell reference as Excel writes it (absolute markers allowed): column letters, then row digits. */
    private static final Pattern CELL_REFERENCE = Pattern.compile("\\$?([A-Za-z]+)\\$?([0-9]+)");
    /** The XML parser the Excel reader uses, set up as it does, so that both read the same cells. */
    private static final XMLInputFactory XML = xmlInputFactory();

    private XlsxGuard() {}

    static void check(String fileName, byte[] content) throws TableReadException {
        long total = 0;
        int entries = 0;
        boolean hasWorkbook = false;
        byte[] buffer = new byte[64 * 1024];
        // The central directory (read by commons-compress, which the Excel reader uses too) is what Excel
        // itself trusts; entries written with data descriptors have no sizes in their local headers.
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (++entries > MAX_ENTRIES) throw refused(fileName, "it has too many parts");
                if (entry.getName().equals("xl/workbook.xml")) hasWorkbook = true;
                // Keep the last bytes of the previous chunk so a DOCTYPE split across chunks is still seen.
                byte[] tail = new byte[0];
                int read;
                InputStream in = zip.getInputStream(entry);
                while ((read = in.read(buffer)) > 0) {
                    total += read;
                    if (total > MAX_UNCOMPRESSED_BYTES || total > MAX_RATIO * Math.max(content.length, 1024)) {
                        throw refused(fileName, "it expands to far more data than a list holds (a zip bomb?)");
                    }
                    if (entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels")) {
                        byte[] window = new byte[tail.length + read];
                        System.arraycopy(tail, 0, window, 0, tail.length);
                        System.arraycopy(buffer, 0, window, tail.length, read);
                        if (indexOf(window, DOCTYPE) >= 0) throw refused(fileName, "one of its parts declares a DOCTYPE, which Excel never writes");
                        int keep = Math.min(DOCTYPE.length - 1, window.length);
                        tail = java.util.Arrays.copyOfRange(window, window.length - keep, window.length);
                    }
                }
                // Read again only once the part is known small (and, for an XML part, free of a DOCTYPE).
                checkCells(fileName, zip.getInputStream(entry));
            }
        } catch (IOException e) {
            throw new TableReadException(fileName + ": not a readable Excel workbook (" + e.getMessage() + ")", e);
        }
        if (!hasWorkbook) throw refused(fileName, "it is a zip file but not an Excel workbook");
    }

    /**
     * Refuses a cell outside Excel's grid, in every part: the workbook's relationships, not a part's
     * name, say which part is a sheet. A cell without a reference is the one after the previous cell
     * of its row, as the Excel reader places it; an element named {@code c} or {@code row} is taken for
     * a cell or a row in any namespace, as the reader does. A part that is not XML (an image) or stops
     * being XML is checked up to where the parser fails: the Excel reader, with the same parser, can
     * read no further than that either.
     */
    private static void checkCells(String fileName, InputStream part) throws TableReadException {
        XMLStreamReader xml = null;
        try {
            xml = XML.createXMLStreamReader(part);
            int column = 0;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) continue;
                if (xml.getLocalName().equals("row")) {
                    column = 0;
                } else if (xml.getLocalName().equals("c")) {
                    column = cellColumn(fileName, xml, column);
                }
            }
        } catch (XMLStreamException | RuntimeException notXml) {
            // Checked as far as it can be read (see above).
        } finally {
            closeQuietly(xml);
        }
    }

    private static void closeQuietly(XMLStreamReader xml) {
        if (xml == null) return;
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // Only the parser's own state: the part's stream is the zip's, closed with it.
        }
    }

    /** The 1-based column of the cell at the reader's position, given the previous cell's column. */
    private static int cellColumn(String fileName, XMLStreamReader cell, int previousColumn) throws TableReadException {
        String reference = null;
        for (int i = 0; i < cell.getAttributeCount(); i++) {
            if (!cell.getAttributeLocalName(i).equals("r")) continue;
            // Two references (in different namespaces) would leave which one counts to the parser.
            if (reference != null) throw refused(fileName, "a cell has two references");
            reference = cell.getAttributeValue(i);
        }
        if (reference == null) {
            if (previousColumn >= MAX_COLUMNS) throw beyondGrid(fileName);
            return previousColumn + 1;
        }
        Matcher m = CELL_REFERENCE.matcher(reference);
        if (!m.matches()) throw refused(fileName, "a cell reference is not one Excel writes");
        String letters = m.group(1).toUpperCase(Locale.ROOT);
        String digits = m.group(2);
        // XFD and 1048576: more letters or digits than those is beyond the grid, whatever they are.
        if (letters.length() > 3 || digits.length() > 7 || Integer.parseInt(digits) > MAX_ROWS) throw beyondGrid(fileName);
        int column = 0;
        for (char letter : letters.toCharArray()) column = column * 26 + letter - 'A' + 1;
        if (column > MAX_COLUMNS) throw beyondGrid(fileName);
        return column;
    }

    private static TableReadException beyondGrid(String fileName) {
        return refused(fileName, "it has a cell beyond the last column (XFD) or row (1048576) of a sheet");
    }

    private static XMLInputFactory xmlInputFactory() {
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        return factory;
    }

    private static TableReadException refused(String fileName, String why) {
        return new TableReadException(fileName + ": refused because " + why);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
