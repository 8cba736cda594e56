package org.residencymatch.applicant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the service keeps as a document: a PDF, JPEG or PNG by its first bytes, never by its name. */
class DocumentCheckTest {

    @Test
    void theContentSaysWhatAFileIs() {
        assertThat(DocumentCheck.check("%PDF-1.4 ...".getBytes(StandardCharsets.US_ASCII)).mediaType()).isEqualTo("application/pdf");
        assertThat(DocumentCheck.check(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).mediaType()).isEqualTo("image/png");
        assertThat(DocumentCheck.check(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB}).mediaType()).isEqualTo("image/jpeg");
        // A PNG signature cut short, a GIF, HTML, a ZIP (an Office file): refused.
        assertThat(DocumentCheck.check(new byte[]{(byte) 0x89, 'P', 'N', 'G'}).refusal()).isEqualTo(DocumentCheck.Refusal.TYPE);
        assertThat(DocumentCheck.check("GIF89a".getBytes(StandardCharsets.US_ASCII)).refusal()).isEqualTo(DocumentCheck.Refusal.TYPE);
        assertThat(DocumentCheck.check(" %PDF-1.4 <html>".getBytes(StandardCharsets.US_ASCII)).refusal())
                .isEqualTo(DocumentCheck.Refusal.TYPE);
        assertThat(DocumentCheck.check(new byte[]{'P', 'K', 3, 4}).refusal()).isEqualTo(DocumentCheck.Refusal.TYPE);
        assertThat(DocumentCheck.check(new byte[0]).refusal()).isEqualTo(DocumentCheck.Refusal.EMPTY);
        assertThat(DocumentCheck.check(null).refusal()).as("content not read: over the limit").isEqualTo(DocumentCheck.Refusal.TOO_LARGE);
    }

    @Test
    void aFileOfTenMegabytesIsTakenAndOneByteMoreIsNot() {
        byte[] limit = new byte[(int) DocumentCheck.MAX_BYTES];
        limit[0] = '%';
        limit[1] = 'P';
        limit[2] = 'D';
        limit[3] = 'F';
        limit[4] = '-';
        assertThat(DocumentCheck.check(limit).accepted()).isTrue();
        byte[] over = java.util.Arrays.copyOf(limit, limit.length + 1);
        assertThat(DocumentCheck.check(over).refusal()).isEqualTo(DocumentCheck.Refusal.TOO_LARGE);
    }

    @Test
    void theNameOfferedForDownloadIsSafeAndEndsAsTheContentIs() {
        assertThat(DocumentCheck.safeName("../../etc/passwd", "application/pdf")).isEqualTo("passwd.pdf");
        assertThat(DocumentCheck.safeName("..\\..\\scan.JPG", "image/jpeg")).isEqualTo("scan.JPG");
        assertThat(DocumentCheck.safeName("photo.jpeg", "image/jpeg")).isEqualTo("photo.jpeg");
        assertThat(DocumentCheck.safeName("diplôme \"final\".pdf", "application/pdf")).isEqualTo("dipl_me__final_.pdf");
        assertThat(DocumentCheck.safeName("scan.pdf", "image/png")).isEqualTo("scan.pdf.png");
        assertThat(DocumentCheck.safeName("...", "image/png")).isEqualTo("document.png");
        assertThat(DocumentCheck.safeName(null, "application/pdf")).isEqualTo("document.pdf");
        assertThat(DocumentCheck.safeName("a".repeat(300) + ".pdf", "application/pdf")).hasSize(100).endsWith(".pdf");
    }
}
