package org.residencymatch.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The checks {@link XlsxReader} makes of every part of an .xlsx (a zip of XML parts) as it reads it,
 * with bounded memory and time: a zip bomb is refused (too much uncompressed data, too many parts,
 * an extreme compression ratio), so is any part that declares a DOCTYPE (the door to XML entity
 * expansion and external entities; Excel never writes one), and any cell outside Excel's grid (a row
 * is as wide as its last cell, so {@code <c r="ZZZZZZ1"/>} alone would claim gigabytes).
 */
final class XlsxGuard {

    static final long MAX_UNCOMPRESSED_BYTES = 200L * 1024 * 1024;
    static final int MAX_ENTRIES = 2_000;
    static final long MAX_RATIO = 200;
    /** Excel's grid ends at column XFD and row 1,048,576; Excel writes no cell beyond it. */
    static final int MAX_COLUMNS = 16_384;
    static final int MAX_ROWS = 1_048_576;
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
    /** Parsers that read no DTD and resolve no external entity (a DOCTYPE is refused before anyway). */
    static final XMLInputFactory XML = xmlInputFactory();

    private XlsxGuard() {
    }

    /**
     * The parts of the zip as they are inflated, one after the other, checked chunk by chunk before the
     * parser sees a byte of a chunk: the uncompressed bytes of all the parts so far are counted (a zip
     * bomb is refused as soon as it is seen, not once inflated), and an XML part is scanned for a
     * DOCTYPE. Once a chunk is refused, or the zip fails to inflate, the parser reading the part gets an
     * {@link IOException} and stops; {@link #readToEnd} then says why.
     */
    static final class Inflated extends InputStream {
        static final int CHUNK = 64 * 1024;
        private final String fileName;
        private final long maxTotal;
        private final byte[] chunk = new byte[CHUNK];
        private long total;
        private InputStream part;
        private boolean scanForDoctype;
        /** How many bytes of {@code <!DOCTYPE} end the part's bytes so far, so that one split across chunks is seen. */
        private int doctypeMatched;
        private int position, end;
        private boolean ended;
        /** Why the part can be read no further: a refusal, or the zip's own {@link IOException}. */
        private Exception failure;

        Inflated(String fileName, long maxTotal) {
            this.fileName = fileName;
            this.maxTotal = maxTotal;
        }

        /** Starts on the next part; the count of uncompressed bytes goes on from the previous parts. */
        void open(InputStream nextPart, boolean xml) {
            part = nextPart;
            scanForDoctype = xml;
            doctypeMatched = 0;
            position = end = 0;
            ended = false;
        }

        /**
         * Reads (and so checks) what the parser left of the part, then refuses the part if a chunk of it
         * was refused, or gives the zip's error. A part the parser gave up on still counts whole.
         */
        void readToEnd() throws IOException, TableReadException {
            try {
                while (fill()) position = end;
            } catch (IOException stopped) {
                // Said below: it is the failure kept by fill().
            }
            if (failure instanceof TableReadException refusal) throw refusal;
            if (failure instanceof IOException broken) throw broken;
        }

        @Override
        public int read() throws IOException {
            if (position == end && !fill()) return -1;
            return chunk[position++] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, into.length);
            if (length == 0) return 0;
            if (position == end && !fill()) return -1;
            int n = Math.min(length, end - position);
            System.arraycopy(chunk, position, into, offset, n);
            position += n;
            return n;
        }

        /** Reads the part's next chunk and checks it; false at the end of the part. */
        private boolean fill() throws IOException {
            if (failure != null) throw new IOException("the part was refused");
            if (ended) return false;
            int read;
            try {
                read = part.read(chunk);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
            if (read <= 0) {
                ended = true;
                return false;
            }
            total += read;
            if (total > maxTotal) {
                failure = refused(fileName, "it expands to far more data than a list holds (a zip bomb?)");
            } else if (scanForDoctype && containsDoctype(read)) {
                failure = refused(fileName, "one of its parts declares a DOCTYPE, which Excel never writes");
            }
            if (failure != null) throw new IOException("the part was refused");
            position = 0;
            end = read;
            return true;
        }

        /** Whether {@code <!DOCTYPE} ends within the chunk's first {@code length} bytes, continuing a match begun before it. */
        private boolean containsDoctype(int length) {
            int matched = doctypeMatched;
            for (int i = 0; i < length; i++) {
                byte b = chunk[i];
                if (matched == 0) {
                    // Outside a match only '<' counts: one comparison for most bytes of a part.
                    if (b == '<') matched = 1;
                } else if (b == DOCTYPE[matched]) {
                    if (++matched == DOCTYPE.length) return true;
                } else {
                    // '<' occurs only first in DOCTYPE, so a failed match can only restart at this byte.
                    matched = b == '<' ? 1 : 0;
                }
            }
            doctypeMatched = matched;
            return false;
        }
    }

    /**
     * Refuses a cell outside Excel's grid in a part that is not read for the table (another sheet, a
     * part of any name: the workbook's relationships, not a part's name, say which part is a sheet).
     * A cell without a reference is the one after the previous cell of its row; an element named
     * {@code c} or {@code row} is taken for a cell or a row in any namespace, as the reader of the
     * sheet does. A part that is not XML (an image) or stops being XML is checked up to where the
     * parser fails.
     */
    static void checkCells(String fileName, InputStream part) throws TableReadException {
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

    static void closeQuietly(XMLStreamReader xml) {
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
            if (reference != null) throw twoReferences(fileName);
            reference = cell.getAttributeValue(i);
        }
        return cellColumn(fileName, reference, previousColumn);
    }

    /** Two references (in different namespaces) would leave which one counts to chance. */
    static TableReadException twoReferences(String fileName) {
        return refused(fileName, "a cell has two references");
    }

    /**
     * The 1-based column of a cell given its reference ({@code r}, null if it has none: it is then the
     * one after the previous cell of its row).
     */
    static int cellColumn(String fileName, String reference, int previousColumn) throws TableReadException {
        if (reference == null) {
            if (previousColumn >= MAX_COLUMNS) throw beyondGrid(fileName);
            return previousColumn + 1;
        }
        return referenceColumn(fileName, reference);
    }

    /**
     * The 1-based column of a cell reference as Excel writes it: column letters, then row digits, each
     * optionally after a {@code $} (absolute reference). Scanned by hand rather than with a regular
     * expression: a sheet has a reference in every cell.
     */
    static int referenceColumn(String fileName, String reference) throws TableReadException {
        int length = reference.length();
        int i = reference.startsWith("$") ? 1 : 0;
        int lettersStart = i;
        while (i < length && isAsciiLetter(reference.charAt(i))) i++;
        int letters = i - lettersStart;
        if (i < length && reference.charAt(i) == '$') i++;
        int digitsStart = i;
        while (i < length && reference.charAt(i) >= '0' && reference.charAt(i) <= '9') i++;
        int digits = i - digitsStart;
        if (letters == 0 || digits == 0 || i < length) throw refused(fileName, "a cell reference is not one Excel writes");
        // XFD and 1048576: more letters or digits than those is beyond the grid, whatever they are.
        if (letters > 3 || digits > 7) throw beyondGrid(fileName);
        int row = 0;
        for (int d = digitsStart; d < digitsStart + digits; d++) row = row * 10 + reference.charAt(d) - '0';
        if (row > MAX_ROWS) throw beyondGrid(fileName);
        int column = 0;
        for (int l = lettersStart; l < lettersStart + letters; l++)
            column = column * 26 + Character.toUpperCase(reference.charAt(l)) - 'A' + 1;
        if (column > MAX_COLUMNS) throw beyondGrid(fileName);
        return column;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
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

    static TableReadException refused(String fileName, String why) {
        return new TableReadException(fileName + ": refused because " + why);
    }

}
