package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.residencymatch.applicant.Identity;
import org.residencymatch.demo.DemoData;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.lists.DateOrder;
import org.residencymatch.web.Messages;

/**
 * Partner lists as the people who keep them in Excel meet them, in English and in French: the date
 * order asked for (defaulting from the page's language) and said back in the preview, a file that is
 * not a list refused in the uploader's language, the templates with their example row, a changed
 * detail shown old → new, and a revert that says who gains and who loses eligibility before it is made.
 */
@Tag("browser")
class PartnerListsBrowserTest {

    /** Rajesh Patel: on version 1 of the AIMG list, left off version 2, so a revert to v1 gives him Alberta back. */
    static final String RAJESH = "A-2002";

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension();

    @TempDir
    Path files;

    /** Version 2 of the AIMG list: version 1 without Rajesh. */
    @BeforeAll
    static void aimgCommitsAVersionWithoutRajesh() throws Exception {
        var services = web.services();
        StringBuilder csv = new StringBuilder("Applicant ID,Family name,Given names,Date of birth,MMI score\n");
        for (List<String> member : aimgMembers()) {
            if (member.get(0).equals(RAJESH)) continue;
            csv.append(member.get(0)).append(',').append(member.get(2)).append(',').append(member.get(3)).append(',')
                    .append(member.get(4)).append(',').append(member.get(5)).append('\n');
        }
        var upload = services.listUploads().upload(DemoData.CYCLE, ListKind.AIMG, "aimg-v2.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8),
                "test");
        services.listVersions().commit(DemoData.CYCLE, upload.preview().uploadId(), "test");
        assertThat(services.listVersions().history(DemoData.CYCLE, ListKind.AIMG)).hasSize(2);
    }

    /** The current AIMG members: applicant id, MINC, family name, given names, date of birth, MMI score, … */
    static List<List<String>> aimgMembers() {
        var versions = web.services().listVersions();
        int current = versions.history(DemoData.CYCLE, ListKind.AIMG).size();
        return versions.membersWithIdentity(DemoData.CYCLE, ListKind.AIMG, current);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void bciIsAskedHowDatesAreWrittenTheTemplatesHaveAnExampleAndAPictureIsRefusedInItsLanguage(String language) throws Exception {
        Messages m = Messages.of(language);
        DateOrder expected = language.equals("fr") ? DateOrder.DAY_MONTH : DateOrder.MONTH_DAY;
        Browser browser = web.browser().signIn("bci@partner.example", language);
        assertThat(browser.path()).isEqualTo("/partner/lists");

        // The order the page asks about defaults from its language: French Excel writes 31/12/1990.
        Select order = new Select(browser.find(By.id("date-order-QIMG")));
        assertThat(order.getFirstSelectedOption().getDomAttribute("value")).isEqualTo(expected.name());
        assertThat(browser.find(By.cssSelector("label[for='date-order-QIMG']")).getText()).isEqualTo(m.t("lists.dateOrder.label"));

        // Both templates, each with its example row, in the page's language.
        String csvHref = browser.find(By.linkText(m.t("lists.template"))).getDomAttribute("href");
        Map<String, Object> csv = MatchDayPartiesBrowserTest.fetch(browser, csvHref);
        assertThat(csv.get("status")).isEqualTo(200L);
        assertThat((String) csv.get("type")).startsWith("text/csv");
        assertThat((String) csv.get("body")).contains(m.t("listColumn.FAMILY_NAME")).contains(m.t("listTemplate.example.FAMILY_NAME"));
        String xlsxHref = browser.find(By.linkText(m.t("lists.templateXlsx"))).getDomAttribute("href");
        Map<String, Object> xlsx = fetchBytes(browser, xlsxHref);
        assertThat(xlsx.get("status")).isEqualTo(200L);
        assertThat((String) xlsx.get("type")).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String workbookText = zipText(Base64.getDecoder().decode((String) xlsx.get("body")));
        assertThat(workbookText).contains(m.t("listColumn.FAMILY_NAME")).contains(m.t("listTemplate.example.FAMILY_NAME"));

        // A picture is not a list: refused beside the file field, in the page's language, with no Java in it.
        Path png = files.resolve("scan-" + language + ".png");
        Files.write(png, pngBytes());
        browser.attach(By.id("file-QIMG"), png);
        browser.clickAndLoad(By.cssSelector("form[action='/partner/lists/QIMG/upload'] button[type=submit]"));
        assertThat(browser.language()).isEqualTo(language);
        String refusal = browser.text(By.cssSelector("#problems-QIMG[role=alert]"));
        assertThat(refusal).contains(m.t("listProblem.TABLE_NOT_TEXT", png.getFileName().toString()));
        assertThat(browser.pageText()).doesNotContain("Exception").doesNotContain("java.").doesNotContain("TABLE_NOT_TEXT")
                .doesNotContain(Messages.of(m.otherLanguage()).t("listProblem.where.file") + ":");

        // A list whose dates are written in the page's order: read that way, and the preview says so.
        Identity who = ambiguousBirthDate();
        DateTimeFormatter written = DateTimeFormatter.ofPattern(expected == DateOrder.DAY_MONTH ? "dd/MM/yyyy" : "MM/dd/yyyy");
        Path list = files.resolve("qimg-" + language + ".csv");
        Files.writeString(list, "Nom de famille;Prénom(s);Date de naissance;Contingent\r\n" + who.familyName() + ";" + who.givenNames()
                + ";" + who.dateOfBirth().format(written) + ";Régulier\r\n", StandardCharsets.UTF_8);
        browser.attach(By.id("file-QIMG"), list);
        browser.clickAndLoad(By.cssSelector("form[action='/partner/lists/QIMG/upload'] button[type=submit]"));
        assertThat(browser.path()).matches("/partner/lists/QIMG/uploads/\\d+");
        assertThat(browser.text(By.id("date-order")))
                .isEqualTo(m.t("lists.preview.dateOrder.STATED", m.t("lists.dateOrder." + expected.name())));
        assertThat(browser.pageText()).as("the date was read in the order said, so the row found its applicant")
                .contains(who.familyName() + ", " + who.givenNames() + " · " + who.dateOfBirth());
        // The members this file leaves off are named beside their ids.
        List<String> leftOff = web.services().listVersions().membersWithIdentity(DemoData.CYCLE, ListKind.QIMG, 1).stream()
                .map(member -> member.get(0)).filter(id -> !id.equals(who.applicantId())).toList();
        assertThat(leftOff).isNotEmpty();
        String removed = browser.text(By.id("removed"));
        web.services().directory().names(leftOff).forEach((id, name) -> assertThat(removed).contains(name + " (" + id + ")"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void theAimgProgramSeesAChangedScoreOldToNewBeforeItCommits(String language) throws Exception {
        Messages m = Messages.of(language);
        List<List<String>> members = aimgMembers();
        List<String> changed = members.get(0);
        StringBuilder csv = new StringBuilder("Applicant ID,Family name,Given names,Date of birth,MMI score\n");
        for (List<String> member : members) {
            String score = member == changed ? "99.5" : member.get(5);
            csv.append(member.get(0)).append(',').append(member.get(2)).append(',').append(member.get(3)).append(',')
                    .append(member.get(4)).append(',').append(score).append('\n');
        }
        Path file = files.resolve("aimg-" + language + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        Browser browser = web.browser().signIn("aimg@partner.example", language);
        browser.attach(By.id("file-AIMG"), file);
        browser.clickAndLoad(By.cssSelector("form[action='/partner/lists/AIMG/upload'] button[type=submit]"));
        assertThat(browser.path()).matches("/partner/lists/AIMG/uploads/\\d+");
        String changes = browser.text(By.id("changes"));
        String oldScore = formatted(m, changed.get(5)), newScore = formatted(m, "99.5");
        assertThat(changes).contains(changed.get(0)).contains(changed.get(2)).contains(m.t("listColumn.MMI_SCORE"))
                .contains(m.t("lists.preview.oldToNew", oldScore, newScore));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void theOperatorSeesWhoGainsAndLosesEligibilityBeforeARevert(String language) {
        Messages m = Messages.of(language);
        Browser browser = web.browser().signIn(DemoData.OPERATOR_EMAIL, language);
        browser.open("/partner/lists");
        browser.clickAndLoad(By.cssSelector("a[href='/partner/lists/AIMG/revert?toVersion=1']"));
        assertThat(browser.language()).isEqualTo(language);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(m.t("lists.revertPreview.heading", m.t("lists.kind.AIMG"), 1));
        assertThat(browser.text(By.cssSelector("#eligibility h2"))).isEqualTo(m.t("lists.revertPreview.eligibility"));
        String shift = browser.text(By.id("shift-" + RAJESH));
        assertThat(shift).contains("Patel").contains(m.t("province.AB"));
        assertThat(browser.find(By.cssSelector("#shift-" + RAJESH + " td:nth-of-type(1)")).getText()).as("gains")
                .contains(m.t("province.AB"));
        assertThat(browser.find(By.cssSelector("#shift-" + RAJESH + " td:nth-of-type(2)")).getText()).as("loses nothing").isEqualTo("—");
        assertThat(web.services().listVersions().history(DemoData.CYCLE, ListKind.AIMG)).as("a preview changes nothing").hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void aFileOverTheLimitIsSaidBesideTheFieldAndOneFarOverItOnAPageInTheUploadersLanguage(String language) throws Exception {
        Messages m = Messages.of(language);
        long limit = web.services().listUploads().maxBytes();
        Browser browser = web.browser().signIn("bci@partner.example", language);

        // Just over the limit: the form says so beside the file field.
        Path over = files.resolve("too-large-" + language + ".csv");
        Files.write(over, new byte[(int) limit + 1024]);
        browser.attach(By.id("file-QIMG"), over);
        browser.clickAndLoad(By.cssSelector("form[action='/partner/lists/QIMG/upload'] button[type=submit]"));
        assertThat(browser.language()).isEqualTo(language);
        assertThat(browser.text(By.cssSelector("#problems-QIMG[role=alert]")))
                .contains(m.t("listProblem.TOO_LARGE", limit / (1024 * 1024)));

        // Far over it (refused from its length before it is read): a page saying what to do, in the same language.
        Path farOver = files.resolve("far-too-large-" + language + ".csv");
        Files.write(farOver, new byte[(int) limit + 3 * 1024 * 1024]);
        browser.attach(By.id("file-QIMG"), farOver);
        browser.clickAndLoad(By.cssSelector("form[action='/partner/lists/QIMG/upload'] button[type=submit]"));
        assertThat(browser.language()).isEqualTo(language);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(m.t("error.heading.413"));
        assertThat(browser.pageText()).contains(m.t("error.next.413")).doesNotContain("TOO_LARGE").doesNotContain("Exception");
    }

    /** A demo applicant born on a day that is also a month (not the month itself): 03/04 reads two ways. */
    private static Identity ambiguousBirthDate() {
        for (String id : List.of("A-2004", "A-2015", "A-2022", "A-2018", "A-2005", "A-2001", "A-2003", "A-2006", "A-2007")) {
            Identity i = web.services().profiles().identity(id).orElseThrow();
            LocalDate born = i.dateOfBirth();
            if (born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue()) return i;
        }
        throw new AssertionError("no demo applicant with an ambiguous date of birth");
    }

    private static String formatted(Messages m, String score) {
        var number = new java.math.BigDecimal(score);
        var format = java.text.NumberFormat.getNumberInstance(m.locale());
        format.setMinimumFractionDigits(number.scale());
        return format.format(number);
    }

    /** The first bytes of a real PNG (its signature and IHDR chunk of a 1×1 image), padded: what a scanner would send. */
    private static byte[] pngBytes() {
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8,
                6,
                0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};
        byte[] png = new byte[512];
        System.arraycopy(header, 0, png, 0, header.length);
        return png;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetchBytes(Browser browser, String href) {
        return (Map<String, Object>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(async r => {
                    const bytes = new Uint8Array(await r.arrayBuffer());
                    let s = '';
                    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
                    done({status: r.status, type: r.headers.get('content-type') || '', body: btoa(s)});
                  })
                  .catch(e => done({status: -1, type: '', body: ''}));""", href);
    }

    /** Every entry of a zip (an .xlsx), as text, one after the other. */
    private String zipText(byte[] zip) throws IOException {
        // ZipFile, not ZipInputStream: a workbook's entries may give their sizes only after their data.
        Path file = files.resolve("template.xlsx");
        Files.write(file, zip);
        List<String> parts = new ArrayList<>();
        try (ZipFile workbook = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(workbook.entries())) {
                try (var in = workbook.getInputStream(e)) {
                    parts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(parts).as("an .xlsx is a zip of XML parts").isNotEmpty();
        return String.join("\n", parts);
    }
}
