package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.residencymatch.demo.DemoData;
import org.residencymatch.eligibility.Decision;

/**
 * Issue #18 in a real browser: Chloé, a CMG whose category awaits verification (her streams are pending),
 * uploads her degree on her profile page (a file that is no PDF first, refused with the reason); the
 * operator refuses Ravi's passport with a reason in both languages, then accepts Chloé's degree, and her
 * streams open. Every page is checked with axe as it is shown.
 */
@Tag("browser")
class DocumentVerificationBrowserTest {

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension();

    @TempDir
    Path files;

    static final By UPLOAD_DEGREE = By.cssSelector("tr[data-fact=CATEGORY] form.document-upload button[type=submit]");

    @Test
    void chloeUploadsHerDegreeAndTheOperatorChecksTheQueueOldestFirstRefusingOneDocumentAndAcceptingHers() throws IOException {
        Path notAScan = files.resolve("degree.pdf");
        Files.writeString(notAScan, "<html><body>not a scan</body></html>");
        Path diploma = files.resolve("diploma.pdf");
        Files.write(diploma, "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        Browser browser = web.browser();
        browser.signIn("chloe.bergeron@applicant.example");
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/applicant/profile']"));
        assertThat(browser.find(By.cssSelector("tr[data-fact=CATEGORY]")).getDomAttribute("data-state")).isEqualTo("AWAITING_VERIFICATION");
        assertThat(browser.text(By.cssSelector("label[for=file-CATEGORY]")))
                .isEqualTo("Upload your medical degree (PDF, JPEG or PNG, at most 10 MB)");

        // A file named .pdf that is no PDF is refused, with the reason tied to the field.
        browser.attach(By.id("file-CATEGORY"), notAScan);
        browser.clickAndLoad(UPLOAD_DEGREE);
        assertThat(browser.text(By.cssSelector("#document-error[role=alert]"))).contains("not a PDF, JPEG or PNG");
        assertThat(browser.find(By.id("file-CATEGORY")).getDomAttribute("aria-describedby")).isEqualTo("document-error");

        browser.attach(By.id("file-CATEGORY"), diploma);
        browser.clickAndLoad(UPLOAD_DEGREE);
        assertThat(browser.path()).startsWith("/applicant/profile?uploaded=1");
        assertThat(browser.pageText()).contains("Your document was received.");
        assertThat(browser.text(By.cssSelector("tr[data-fact=CATEGORY] .document[data-status=AWAITING]"))).contains("diploma.pdf")
                .contains("awaiting the match operator's check");
        HelpBrowserTest.signOut(browser);

        browser.signIn(DemoData.OPERATOR_EMAIL);
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/operator/verification']"));
        List<String> queue = browser.findAll(By.cssSelector("section[data-applicant]")).stream()
                .map(s -> s.getDomAttribute("data-applicant")).toList();
        assertThat(queue).as("the oldest document first: Ravi's passport and degree, then Chloé's degree").containsExactly("A-2025",
                "A-2025", "A-1008");
        WebElement passport = browser.findAll(By.cssSelector("section[data-applicant='A-2025']")).get(0);
        String passportId = passport.getDomAttribute("id");
        assertThat(passport.getText()).contains("proof of citizenship or permanent residence").contains("Iyer, Ravi").contains("CITIZEN")
                .contains("Download passport-ravi-iyer.pdf");

        // A refusal without its reasons is sent back, the error tied to the reasons' fields; then with them, it is recorded.
        browser.click(By.cssSelector("#" + passportId + " input[value=REFUSED]"));
        browser.clickAndLoad(By.cssSelector("#" + passportId + " button[type=submit]"));
        assertThat(browser.text(By.cssSelector("#" + passportId + " [role=alert]")))
                .contains("A refusal gives its reason in English and in French");
        browser.click(By.cssSelector("#" + passportId + " input[value=REFUSED]"));
        browser.type(By.cssSelector("#" + passportId + " textarea[name=reasonEn]"), "The passport has expired.");
        browser.type(By.cssSelector("#" + passportId + " textarea[name=reasonFr]"), "Le passeport est expiré.");
        browser.clickAndLoad(By.cssSelector("#" + passportId + " button[type=submit]"));
        assertThat(browser.path()).isEqualTo("/operator/verification?decided=REFUSED");
        assertThat(browser.pageText()).contains("The document was refused");

        WebElement chloe = browser.find(By.cssSelector("section[data-applicant='A-1008']"));
        String chloeId = chloe.getDomAttribute("id");
        assertThat(chloe.getText()).contains("medical degree").contains("Bergeron, Chloé").contains("Download diploma.pdf");
        assertThat(chloe.findElements(By.cssSelector("tr[data-fact]"))).extracting(row -> row.getDomAttribute("data-fact"))
                .containsExactly("CATEGORY", "DEGREE");
        assertThat(web.services().catalogue().explain(DemoData.CYCLE, "A-1008", "27447", 1).decision().decision())
                .isEqualTo(Decision.PENDING);
        browser.click(By.cssSelector("#" + chloeId + " input[value=ACCEPTED]"));
        browser.clickAndLoad(By.cssSelector("#" + chloeId + " button[type=submit]"));
        assertThat(browser.pageText()).contains("The document was accepted");
        assertThat(browser.findAll(By.cssSelector("section[data-applicant='A-1008']"))).as("checked, so out of the queue").isEmpty();
        assertThat(web.services().catalogue().explain(DemoData.CYCLE, "A-1008", "27447", 1).decision().decision())
                .isEqualTo(Decision.SELECTABLE);
        HelpBrowserTest.signOut(browser);

        browser.signIn("chloe.bergeron@applicant.example");
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/applicant/profile']"));
        assertThat(browser.find(By.cssSelector("tr[data-fact=CATEGORY]")).getDomAttribute("data-state")).isEqualTo("VERIFIED");
        assertThat(browser.find(By.cssSelector("tr[data-fact=DEGREE]")).getDomAttribute("data-state")).isEqualTo("VERIFIED");
    }
}
