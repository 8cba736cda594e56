package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.residencymatch.applicant.Identity;
import org.residencymatch.demo.DemoData;
import org.residencymatch.eligibility.Decision;

/** BCI in a real browser: upload its QIMG list as French Excel saves it, review the preview, commit. */
@Tag("browser")
class PartnerBrowserTest {

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension();

    @TempDir
    Path files;

    /** The QIMG list as French Excel saves a CSV: windows-1252, ';'-separated, CRLF. */
    private Path frenchExcelQimg(String... applicantIds) throws IOException {
        StringBuilder csv = new StringBuilder("Nom de famille;Prénom(s);Date de naissance;Contingent\r\n");
        for (String id : applicantIds) {
            Identity i = web.services().profiles().identity(id).orElseThrow();
            csv.append(i.familyName()).append(';').append(i.givenNames()).append(';').append(i.dateOfBirth()).append(";Régulier\r\n");
        }
        Path file = files.resolve("liste-qimg-bci.csv");
        Files.write(file, csv.toString().getBytes(Charset.forName("windows-1252")));
        return file;
    }

    @Test
    void bciUploadsItsListConfirmsTheProbableRowsAndCommitsIt() throws IOException {
        Path file = frenchExcelQimg("A-2004", "A-2015", "A-2022", "A-2018", "A-2005");
        Browser browser = web.browser();
        browser.signIn("bci@partner.example");
        assertThat(browser.path()).isEqualTo("/partner/lists");
        assertThat(browser.findAll(By.cssSelector("section h2")).stream().map(WebElement::getText))
                .containsExactly("QIMG list (Québec, BCI, Régulier contingent)");

        // A file whose date cannot be read in the order the form says (month/day on an English page) is refused
        // whole, with the problem tied to the file field.
        Path ambiguous = files.resolve("jour-mois.csv");
        Files.write(ambiguous, "Nom de famille;Prénom(s);Date de naissance;Contingent\r\nX;Y;13/04/1990;Régulier\r\n"
                .getBytes(Charset.forName("windows-1252")));
        browser.attach(By.id("file-QIMG"), ambiguous);
        browser.clickAndLoad(By.cssSelector("form[action='/partner/lists/QIMG/upload'] button[type=submit]"));
        assertThat(browser.text(By.cssSelector("#problems-QIMG[role=alert]"))).contains("Row 2").contains("13/04/1990")
                .contains("month/day");
        assertThat(browser.find(By.id("file-QIMG")).getDomAttribute("aria-describedby")).isEqualTo("problems-QIMG");

        browser.attach(By.id("file-QIMG"), file);
        browser.clickAndLoad(By.cssSelector("form[action='/partner/lists/QIMG/upload'] button[type=submit]"));
        assertThat(browser.path()).matches("/partner/lists/QIMG/uploads/\\d+");
        assertThat(browser.text(By.tagName("h1"))).contains("liste-qimg-bci.csv");
        assertThat(browser.text(By.id("review-title"))).isEqualTo("Rows to review: 5");
        assertThat(browser.pageText()).contains("Lévesque").contains("windows-1252");

        List<String> reviewed = new java.util.ArrayList<>();
        for (int round = 0; round < 5; round++) {
            WebElement row = browser.find(By.cssSelector("#review .reason"));
            assertThat(row.getText()).contains("Probable match");
            reviewed.add(row.findElement(By.tagName("select")).getDomAttribute("id"));
            browser.clickAndLoad(row.findElement(By.cssSelector("input[value=CONFIRM] ~ button[type=submit]")));
            assertThat(browser.text(By.id("review-title"))).isEqualTo("Rows to review: " + (4 - round));
        }
        assertThat(reviewed).doesNotHaveDuplicates();

        browser.clickAndLoad(By.cssSelector("form[action$='/commit'] button[type=submit]"));
        // The commit runs in the background: its progress page (if it is still running) follows it to the result.
        browser.awaitPath("/partner/lists?notice=committed-QIMG-2", java.time.Duration.ofSeconds(30));
        assertThat(browser.text(By.cssSelector("p.notice[role=status]"))).isEqualTo("Version v2 of the QIMG list is now current.");
        assertThat(web.services().catalogue().explain(DemoData.CYCLE, "A-2005", "27032", 1).decision().decision())
                .isEqualTo(Decision.SELECTABLE);
    }
}
