package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.residencymatch.demo.DemoData;
import org.residencymatch.program.ProgramStream;
import org.residencymatch.program.StreamType;
import org.residencymatch.store.MutableClock;

/** UBC's program staff rank the applicants of one of their streams, with the keyboard alone, and submit the list. */
@Tag("browser")
class StaffBrowserTest {

    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension(clock);

    static String stream;

    @BeforeAll
    static void twoApplicantsApplied() {
        stream = web.services().database().jdbi().withHandle(h -> web.services().programs().streams(h, DemoData.CYCLE)).stream()
                .filter(s -> s.facultyId().equals("UBC") && s.type() == StreamType.CMG).findFirst().map(ProgramStream::streamId)
                .orElseThrow();
        web.services().applications().apply(DemoData.CYCLE, 1, "A-1001", stream, "test");
        web.services().applications().apply(DemoData.CYCLE, 1, "A-1002", stream, "test");
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
    }

    @Test
    void staffRankTwoApplicantsByKeyboardSubmitAndReadItInFrench() {
        Browser browser = web.browser();
        browser.open("/login");
        browser.type(By.id("email"), "staff@ubc.example");
        browser.type(By.id("password"), DemoData.PASSWORD);
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.path()).isEqualTo("/staff/streams");

        browser.open("/staff/streams/" + stream);
        // Add both applicants, the second first, then move the first up: buttons reached and pressed by keyboard.
        pressButton(browser, "button[value='add:A-1002']");
        pressButton(browser, "button[value='add:A-1001']");
        pressButton(browser, "button[value='up:A-1001']");
        assertThat(browser.findAll(By.cssSelector("ol.ranks li"))).extracting(li -> li.getDomAttribute("data-item"))
                .containsExactly("A-1001", "A-1002");
        pressButton(browser, "button[value='submit']");

        assertThat(browser.text(By.cssSelector(".status-submitted"))).startsWith("Your list is submitted (version 1");
        assertThat(web.services().rankLists().lists(DemoData.CYCLE, 1, "STREAM", stream).inForce().orElseThrow().entries())
                .extracting(e -> e.item()).containsExactly("A-1001", "A-1002");

        browser.clickAndLoad(By.cssSelector("form[action='/language'] button"));
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.text(By.cssSelector(".status-submitted"))).startsWith("Votre liste est soumise");
    }

    /** Tabs to a button and presses Enter on it, as someone using the keyboard alone does. */
    private static void pressButton(Browser browser, String css) {
        browser.tabTo(By.cssSelector(css), 80);
        browser.pressAndLoad(Keys.ENTER);
    }
}
