package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.MutableClock;

/** The operator's dashboard in a real browser after a match run: five charts, each an image with its figures as a table, in English and French. */
@Tag("browser")
class DashboardBrowserTest {

    static final String MCMASTER_IMG = "27039";
    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension(clock);

    @BeforeAll
    static void aMatchRun() {
        var services = web.services();
        services.applications().apply(DemoData.CYCLE, 1, "A-2001", MCMASTER_IMG, "test");
        services.applications().apply(DemoData.CYCLE, 1, "A-2024", MCMASTER_IMG, "test");
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
        services.rankLists().saveApplicantList(DemoData.CYCLE, 1, "A-2001", List.of(MCMASTER_IMG), true, "test");
        services.rankLists().saveApplicantList(DemoData.CYCLE, 1, "A-2024", List.of(MCMASTER_IMG), true, "test");
        services.rankLists().saveStreamList(DemoData.CYCLE, 1, MCMASTER_IMG, List.of("A-2024", "A-2001"), true, "test");
        clock.set(LocalDateTime.of(2025, 2, 20, 12, 0));
        services.matchRuns().run(DemoData.CYCLE, 1, 3, "test");
    }

    @Test
    void theOperatorReadsTheChartsAndOpensTheirFiguresAsTables() {
        Browser browser = web.browser();
        browser.signIn(DemoData.OPERATOR_EMAIL);
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/operator/dashboard']"));
        assertThat(browser.path()).isEqualTo("/operator/dashboard");

        List<WebElement> charts = browser.findAll(By.cssSelector("svg[role=img]"));
        assertThat(charts).hasSize(5);
        for (WebElement chart : charts) {
            assertThat(chart.isDisplayed()).isTrue();
            assertThat(chart.getSize().getWidth()).as("drawn, not collapsed").isGreaterThan(300);
            assertThat(chart.findElements(By.cssSelector("rect.bar"))).isNotEmpty();
        }
        assertThat(browser.find(By.cssSelector("#fill-province title")).getDomProperty("textContent")).isEqualTo("Fill rate by province");

        // The figures behind the image, opened by keyboard-reachable disclosures; axe checks the page with them open.
        WebElement provinces = browser.find(By.cssSelector("#fill-province details"));
        assertThat(provinces.findElement(By.tagName("table")).isDisplayed()).isFalse();
        browser.click(provinces.findElement(By.tagName("summary")));
        assertThat(provinces.findElement(By.tagName("table")).isDisplayed()).isTrue();
        browser.click(browser.find(By.cssSelector("#rol-lengths details summary")));
        browser.checkAccessibility();
        assertThat(browser.text(By.cssSelector("#fill-province table"))).contains("Ontario");
        assertThat(browser.text(By.cssSelector("#rol-lengths table"))).contains("One rank 2");

        browser.clickAndLoad(By.cssSelector("form[action='/language'] button[type=submit]"));
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.find(By.cssSelector("h2")).getText()).isEqualTo("Taux de remplissage par province");
        WebElement discipline = browser.find(By.cssSelector("#fill-discipline th[scope=row]"));
        assertThat(discipline.getDomAttribute("lang")).as("discipline names are in French, not marked English").isNull();
        assertThat(discipline.getDomProperty("textContent")).isEqualTo("Anesthésiologie");
        assertThat(browser.find(By.cssSelector("#fill-province th[scope=row]")).getDomAttribute("lang")).isNull();
    }
}
