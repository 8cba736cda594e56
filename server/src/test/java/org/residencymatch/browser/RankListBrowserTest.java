package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.residencymatch.Services;
import org.residencymatch.application.RankList;
import org.residencymatch.application.RankListService;
import org.residencymatch.application.RankLists;
import org.residencymatch.catalogue.CatalogueFilter;
import org.residencymatch.demo.DemoData;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.store.MutableClock;

/** An applicant reorders a submitted rank order list by dragging (saved at once as a draft, announced) and by keyboard. */
@Tag("browser")
class RankListBrowserTest {

    static final String AMIRA = "A-2001";
    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension(clock);

    static List<String> streams;

    @BeforeAll
    static void applied() {
        streams = selectable(web.services(), AMIRA, 3);
        assertThat(streams).hasSize(3);
        for (String stream : streams) web.services().applications().apply(DemoData.CYCLE, 1, AMIRA, stream, "test");
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
    }

    /** Each test starts from the same submitted list, in the order applied. */
    @BeforeEach
    void submitted() {
        web.services().rankLists().saveApplicantList(DemoData.CYCLE, 1, AMIRA, streams, true, "test");
    }

    static List<String> selectable(Services services, String applicantId, int count) {
        return services.catalogue()
                .catalogue(DemoData.CYCLE, applicantId, 1, new CatalogueFilter(null, null, null, Decision.SELECTABLE, null), 1, count)
                .entries().stream().map(e -> e.stream().streamId()).toList();
    }

    static void signIn(Browser browser, String email) {
        browser.open("/login");
        browser.type(By.id("email"), email);
        browser.type(By.id("password"), DemoData.PASSWORD);
        browser.clickAndLoad(By.cssSelector("form[action='/login'] button[type=submit]"));
    }

    static String email(String applicantId) {
        return web.services().profiles().identity(applicantId).orElseThrow().email();
    }

    static List<String> shown(Browser browser) {
        return browser.findAll(By.cssSelector("[data-reorder] > [data-item]")).stream().map(e -> e.getDomAttribute("data-item")).toList();
    }

    static RankLists lists() {
        return web.services().rankLists().lists(DemoData.CYCLE, 1, RankListService.APPLICANT, AMIRA);
    }

    static List<String> items(RankList list) {
        return list.entries().stream().map(RankList.Entry::item).toList();
    }

    /** The live region says what the script did; it stays empty until the save has answered. */
    static String announced(Browser browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> {
                    String text = d.findElement(By.id("rank-live")).getText();
                    return text.isEmpty() ? null : text;
                });
    }

    @Test
    void draggingARankSavesTheNewOrderAsADraftAndAnnouncesIt() {
        Browser browser = web.browser();
        signIn(browser, email(AMIRA));
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/applicant/rank-list']"));
        int version = lists().inForce().orElseThrow().version();
        assertThat(shown(browser)).isEqualTo(streams);
        assertThat(browser.text(By.id("rank-status"))).startsWith("Your list is submitted (version " + version + ",");
        assertThat(browser.find(By.id("rank-hint")).isDisplayed()).as("the script shows its hint").isTrue();

        List<WebElement> rows = browser.findAll(By.cssSelector("ol.ranks > li"));
        browser.dragOnto(rows.get(2), rows.get(0));

        assertThat(announced(browser)).endsWith(": now rank 1 of 3. Saved as a draft; submit the list to make it count.");
        List<String> dragged = List.of(streams.get(2), streams.get(0), streams.get(1));
        assertThat(shown(browser)).isEqualTo(dragged);
        RankLists saved = lists();
        assertThat(saved.latest().orElseThrow().status()).isEqualTo("DRAFT");
        assertThat(items(saved.latest().orElseThrow())).isEqualTo(dragged);
        assertThat(saved.inForce().orElseThrow().version()).as("the submitted list stays in force").isEqualTo(version);
        // The status comes from the page the save returned: the draft is not in force, and the page says so.
        assertThat(browser.text(By.id("rank-status"))).contains("NOT submitted").contains("version " + version);
        assertThat(browser.find(By.cssSelector("button[value='up:" + streams.get(2) + "']")).isEnabled()).isFalse();
        assertThat(browser.find(By.cssSelector("button[value='down:" + streams.get(1) + "']")).isEnabled()).isFalse();
        assertThat(browser.find(By.cssSelector("button[value='up:" + streams.get(1) + "']")).isEnabled()).isTrue();
        browser.checkAccessibility();

        // What a reload shows is what was saved.
        browser.open("/applicant/rank-list");
        assertThat(shown(browser)).isEqualTo(dragged);
    }

    @Test
    void theKeyboardMovesARankAndSavesTheDraft() {
        Browser browser = web.browser();
        signIn(browser, email(AMIRA));
        browser.open("/applicant/rank-list");

        browser.tabTo(By.cssSelector("button[value='down:" + streams.get(0) + "']"), 40);
        browser.assertFocusIndicatorVisible();
        browser.pressAndLoad(Keys.ENTER);
        List<String> moved = List.of(streams.get(1), streams.get(0), streams.get(2));
        assertThat(shown(browser)).isEqualTo(moved);
        assertThat(items(lists().latest().orElseThrow())).as("a move alone saves nothing").isEqualTo(streams);

        browser.tabTo(By.cssSelector("#ranks button[value=save]"), 40);
        browser.pressAndLoad(Keys.ENTER);
        assertThat(lists().latest().orElseThrow().status()).isEqualTo("DRAFT");
        assertThat(items(lists().latest().orElseThrow())).isEqualTo(moved);
        assertThat(browser.text(By.id("rank-status"))).contains("NOT submitted");
    }

    /** The rank numbers as the page writes them, in order. */
    static List<String> numbers(Browser browser) {
        return browser.findAll(By.cssSelector("ol.ranks [data-rank-number]")).stream().map(WebElement::getText).toList();
    }

    @Test
    void afterAKeyboardMoveTheFocusStaysOnTheMovedRankTheMoveIsAnnouncedAndTheUnsavedDraftIsUnmistakable() {
        Browser browser = web.browser();
        signIn(browser, email(AMIRA));
        browser.open("/applicant/rank-list");
        assertThat(numbers(browser)).containsExactly("1", "2", "3");

        browser.tabTo(By.cssSelector("button[value='down:" + streams.get(0) + "']"), 40);
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.focused().getDomAttribute("value")).as("the focus is back on the moved rank's ↓")
                .isEqualTo("down:" + streams.get(0));
        assertThat(numbers(browser)).containsExactly("1", "2", "3");
        assertThat(browser.text(By.id("rank-2"))).contains("#" + streams.get(0));
        assertThat(announced(browser)).endsWith(": now rank 2 of 3, not saved yet.");
        assertThat(browser.text(By.id("rank-status"))).startsWith("Draft: your changes below are NOT saved yet.")
                .doesNotContain("Your list is submitted");
        browser.checkAccessibility();

        // Once more with ↓: the rank reaches the bottom, where only ↑ is left to take the focus.
        browser.pressAndLoad(Keys.ENTER);
        assertThat(shown(browser)).isEqualTo(List.of(streams.get(1), streams.get(2), streams.get(0)));
        assertThat(browser.focused().getDomAttribute("value")).isEqualTo("up:" + streams.get(0));
        assertThat(announced(browser)).endsWith(": now rank 3 of 3, not saved yet.");
        assertThat(items(lists().latest().orElseThrow())).as("moves alone save nothing").isEqualTo(streams);
    }

    @Test
    void inFrenchTheMoveAndTheUnsavedDraftAreSaidInFrench() {
        Browser browser = web.browser();
        signIn(browser, email(AMIRA));
        browser.open("/applicant/rank-list?lang=fr");
        browser.tabTo(By.cssSelector("button[value='up:" + streams.get(2) + "']"), 40);
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.focused().getDomAttribute("value")).isEqualTo("up:" + streams.get(2));
        assertThat(announced(browser)).endsWith(" : maintenant au rang 2 sur 3, pas encore enregistré.");
        assertThat(browser.text(By.id("rank-status")))
                .startsWith("Brouillon : vos modifications ci-dessous ne sont PAS encore enregistrées.");
        browser.checkAccessibility();
        browser.open("/applicant/rank-list?lang=en");
    }
}
