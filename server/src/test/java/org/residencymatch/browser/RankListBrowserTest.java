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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

/**
 * An applicant reorders a submitted rank order list by dragging (saved at once as a draft, announced) and by keyboard; the
 * versions follow each other without gaps, every time shown carries the cycle's zone and the calendar, the deadline and
 * the receipt agree, the page is never cached; in January the to-do list asks for nothing the applicant cannot do
 * (issue #16, points 1, 3 and 7), in English and French.
 */
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
        browser.signIn(email(AMIRA));
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
        browser.signIn(email(AMIRA));
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
        browser.signIn(email(AMIRA));
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
        browser.signIn(email(AMIRA));
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

    /** What the pages say in each language, written out: the test fails if the feature or its translation is missing. */
    record Said(String lang, String submitted, String draftNotInForce, String deadline, String savedAt, String zoneName,
            String receiptLink, String profileLocked, String appliedNone, String rank) {

        static Said in(String lang) {
            return lang.equals("fr")
                    ? new Said("fr", "Votre liste est soumise (version %d, %s).", "La liste en vigueur est la version %d (soumise le %s).",
                            "11 févr. 2025 10 h 00 HNE", "20 janv. 2025 07 h 00 HNE", "heure de l’Est (America/Toronto)",
                            "Imprimer la confirmation de la version %d",
                            "Fait : Votre profil est rempli; il ne peut plus être modifié dans cette phase.",
                            "À noter : Vous n’avez postulé à aucun volet de programme dans ce tour.", "Classez")
                    : new Said("en", "Your list is submitted (version %d, %s).", "The list in force is version %d (submitted %s).",
                            "Feb. 11, 2025, 10:00 a.m. EST", "Jan. 20, 2025, 7:00 a.m. EST", "Eastern Time (America/Toronto)",
                            "Print the confirmation of version %d",
                            "Done: Your profile is filled in; it can no longer be changed in this phase.",
                            "Note: You applied to no program stream in this iteration.", "Rank");
        }
    }

    /** The Cache-Control header of the page as the browser itself receives it. */
    static String cacheControl(Browser browser, String path) {
        return String.valueOf(browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.headers.get('Cache-Control')), e => done('failed: ' + e));",
                path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void versionsFollowWithoutGapsEveryTimeCarriesTheCycleZoneAndTheCalendarDeadlineAndReceiptAgree(String lang) {
        Said said = Said.in(lang);
        Browser browser = web.browser();
        browser.signIn(email(AMIRA));
        browser.open("/applicant/rank-list?lang=" + lang);
        assertThat(browser.language()).isEqualTo(lang);
        assertThat(numbers(browser)).containsExactly("1", "2", "3");
        assertThat(cacheControl(browser, "/applicant/rank-list")).as("Back and F5 never show a stale status").contains("no-store");
        int version = lists().inForce().orElseThrow().version();
        assertThat(browser.text(By.id("rank-status"))).startsWith(String.format(said.submitted(), version, said.savedAt()));
        // The deadline as the phase banner writes it, in the cycle's zone (America/Toronto by default).
        String banner = browser.find(By.cssSelector("main p.notice[role=status]")).getText();
        assertThat(banner).contains(said.deadline());

        // A move saved as a draft takes the next number; submitting over the draft keeps that number: no gap.
        browser.clickAndLoad(By.cssSelector("button[value='down:" + streams.get(0) + "']"));
        browser.clickAndLoad(By.cssSelector("#ranks button[value=save]"));
        assertThat(lists().latest().orElseThrow().version()).isEqualTo(version + 1);
        assertThat(browser.text(By.id("rank-status"))).contains(String.format(said.draftNotInForce(), version, said.savedAt()));
        browser.clickAndLoad(By.cssSelector("#ranks button[value=submit]"));
        assertThat(lists().inForce().orElseThrow().version()).isEqualTo(version + 1);
        assertThat(lists().latest().orElseThrow().version()).isEqualTo(version + 1);
        assertThat(browser.text(By.id("rank-status"))).startsWith(String.format(said.submitted(), version + 1, said.savedAt()));
        assertThat(cacheControl(browser, "/applicant/rank-list")).contains("no-store");

        // The receipt names the same version, at the same time in the same zone as the status line.
        browser.clickAndLoad(By.cssSelector("p.receipt-link a"));
        assertThat(browser.pageText()).contains(said.savedAt()).contains("2025-01-20 12:00:00 UTC");
        assertThat(browser.find(By.cssSelector("dl.receipt")).getText()).contains("\n" + (version + 1) + "\n");
        assertThat(cacheControl(browser, browser.path())).contains("no-store");

        // The home page's calendar gives the same deadline as the banner.
        browser.open("/applicant");
        assertThat(browser.text(By.cssSelector("table[aria-labelledby=calendar-title]"))).contains(said.deadline());
        browser.clickAndLoad(By.cssSelector("form[action='/logout'] button"));

        // The operator's calendar is typed and read in the same zone: the deadline is 10:00 there too.
        browser.signIn(DemoData.OPERATOR_EMAIL);
        browser.open("/operator/calendar?lang=" + lang);
        assertThat(browser.pageText()).contains(said.zoneName());
        assertThat(browser.find(By.id("i1-ROL_DEADLINE")).getDomProperty("value")).isEqualTo("2025-02-11T10:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void inJanuaryFatimaWhoAppliedNowhereIsNotAskedToRankNorToChangeHerLockedProfile(String lang) {
        Said said = Said.in(lang);
        Browser browser = web.browser();
        browser.signIn("fatima.benali@applicant.example");
        browser.open("/applicant?lang=" + lang);
        List<String> steps = browser.findAll(By.cssSelector(".checklist li")).stream().map(WebElement::getText).toList();
        assertThat(steps).as("the phase locks her profile: a fact, not a to-do").contains(said.profileLocked())
                .as("applications are closed and she made none: said once, as a fact").contains(said.appliedNone())
                .as("nothing to rank: no rank step").noneMatch(step -> step.contains(said.rank()));
        assertThat(browser.findAll(By.cssSelector(".checklist a[href='/applicant/rank-list']"))).isEmpty();
        // Every time on her calendar carries its zone.
        List<WebElement> times = browser.findAll(By.cssSelector("table[aria-labelledby=calendar-title] td"));
        assertThat(times).isNotEmpty().allSatisfy(td -> assertThat(td.getText()).matches("(.*(EST|EDT|HNE|HAE))?"));
    }
}
