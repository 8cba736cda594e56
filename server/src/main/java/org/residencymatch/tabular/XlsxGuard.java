package org.residencymatch.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Looks inside an .xlsx (a zip of XML parts) before any XML parser does, with bounded memory and
 * time: refuses a zip bomb (too much uncompressed data, too many parts, an extreme compression
 * ratio) and any part that declares a DOCTYPE (the door to XML entity expansion and external
 * entities; Excel never writes one).
 */
final class XlsxGuard {

    static final long MAX_UNCOMPRESSED_BYTES = 200L * 1024 * 1024;
    static final int MAX_ENTRIES = 2_000;
    static final long MAX_RATIO = 200;
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

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
            }
        } catch (IOException e) {
            throw new TableReadException(fileName + ": not a readable Excel workbook (" + e.getMessage() + ")", e);
        }
        if (!hasWorkbook) throw refused(fileName, "it is a zip file but not an Excel workbook");
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
