package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.Color;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.residencymatch.demo.DemoData;

/**
 * A headless Chromium driven like a person would: open a page, click, type, press keys. After
 * every action that shows a new page, axe-core checks it against WCAG 2.1 A and AA and the action
 * fails on any violation, listing each rule, its impact, its help and the offending elements.
 */
public final class Browser {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final List<String> FLAGS = List.of(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    /** Selenium Manager would download a driver or a browser; any message from it means it ran. */
    private static final Logger SELENIUM_MANAGER_LOG = Logger.getLogger("org.openqa.selenium.manager.SeleniumManager");
    private static final List<String> SELENIUM_MANAGER_RECORDS = new ArrayList<>();

    static {
        SELENIUM_MANAGER_LOG.setLevel(Level.ALL);
        SELENIUM_MANAGER_LOG.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (SELENIUM_MANAGER_RECORDS) {
                    SELENIUM_MANAGER_RECORDS.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    private final String baseUrl;
    private final ChromeDriver driver;
    private final List<String> checkedPages = new ArrayList<>();

    private Browser(String baseUrl, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.driver = driver;
    }

    static Browser start(String baseUrl, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserExtension.CHROMIUM.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile, "--window-size=1280,1024", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        // An explicit driver executable: Selenium's DriverFinder then never calls Selenium Manager.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserExtension.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        synchronized (SELENIUM_MANAGER_RECORDS) {
            if (!SELENIUM_MANAGER_RECORDS.isEmpty()) {
                driver.quit();
                throw new AssertionError("Selenium Manager ran (it must not download drivers or browsers): " + SELENIUM_MANAGER_RECORDS);
            }
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        return new Browser(baseUrl, driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the server, as if typed in the address bar. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return afterAction();
    }

    /**
     * Signs in with the demo password from the sign-in page, in the language the browser has chosen so far (the
     * server's cookie, else the browser's own).
     */
    public Browser signIn(String email) {
        open("/login");
        return submitSignIn(email);
    }

    /** Signs in from the sign-in page in {@code language}, and checks the page it lands on is in that language. */
    public Browser signIn(String email, String language) {
        open("/login?lang=" + language);
        submitSignIn(email);
        assertThat(language()).as("the language chosen on the sign-in page").isEqualTo(language);
        return this;
    }

    private Browser submitSignIn(String email) {
        type(By.id("email"), email);
        type(By.id("password"), DemoData.PASSWORD);
        return clickAndLoad(By.cssSelector("form[action='/login'] button[type=submit]"));
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /**
     * The element's text. A page that follows work in the background (htmx) may swap the element
     * between finding and reading it: then it is found again, a few times at most.
     */
    public String text(By by) {
        for (int attempt = 1;; attempt++) {
            try {
                return driver.findElement(by).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                if (attempt == 5) throw swapped;
            }
        }
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String language() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    public Browser click(By by) {
        return click(driver.findElement(by));
    }

    public Browser click(WebElement element) {
        element.click();
        return afterAction();
    }

    /** Clicks a link or a submit button and waits for the page it loads (a click may return before the navigation starts). */
    public Browser clickAndLoad(By by) {
        return clickAndLoad(driver.findElement(by));
    }

    public Browser clickAndLoad(WebElement element) {
        return loading(element::click);
    }

    /** Presses keys that load another page (Enter on a link or in a form) and waits for it. */
    public Browser pressAndLoad(CharSequence... keys) {
        return loading(() -> new Actions(driver).sendKeys(keys).perform());
    }

    private Browser loading(Runnable action) {
        JavascriptExecutor js = driver;
        js.executeScript("window.__browserTestLeaving = true;");
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(WebDriverException.class)
                .withMessage(() -> "no new page was loaded; still on " + path())
                .until(d -> Boolean.TRUE.equals(js.executeScript(
                        "return window.__browserTestLeaving !== true && document.readyState === 'complete';")));
        return afterAction();
    }

    /** Waits until the browser arrives by itself (a page that refreshes or redirects) at a path starting with {@code prefix}. */
    public Browser awaitPath(String prefix, Duration timeout) {
        JavascriptExecutor js = driver;
        new WebDriverWait(driver, timeout)
                .ignoring(WebDriverException.class)
                .withMessage(() -> "never arrived at " + prefix + "; still on " + path())
                .until(d -> path().startsWith(prefix) && "complete".equals(js.executeScript("return document.readyState;")));
        return afterAction();
    }

    public Browser type(By by, CharSequence... keys) {
        WebElement field = driver.findElement(by);
        field.clear();
        field.sendKeys(keys);
        return afterAction();
    }

    public Browser choose(By select, String visibleText) {
        new Select(driver.findElement(select)).selectByVisibleText(visibleText);
        return afterAction();
    }

    /** Attaches a file to a file input, as the file chooser would. */
    public Browser attach(By fileInput, Path file) {
        driver.findElement(fileInput).sendKeys(file.toAbsolutePath().toString());
        return afterAction();
    }

    /**
     * Drags {@code source} onto {@code target} with the mouse. Chromium's driver turns this into a real
     * HTML5 drag: measured with Debian's chromium, the page receives pointerdown, mousedown,
     * dragstart, dragover, drop and dragend, with the browser's own DataTransfer.
     */
    public Browser dragOnto(WebElement source, WebElement target) {
        new Actions(driver).dragAndDrop(source, target).perform();
        return this;
    }

    /** Presses keys on whatever has the focus, with the keyboard alone. */
    public Browser press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return afterAction();
    }

    /** Shift+Tab: the focus moves back. */
    public Browser shiftTab() {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        return afterAction();
    }

    /** The focused element. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /**
     * The focused element shows a focus indicator that can be seen: an outline at least 2px wide whose
     * colour has a contrast of at least 3:1 with the page background (WCAG 2.1, 1.4.11 and 2.4.7).
     * axe-core cannot check this: it never moves the focus.
     */
    public Browser assertFocusIndicatorVisible() {
        WebElement element = focused();
        String style = element.getCssValue("outline-style");
        double width = Double.parseDouble(element.getCssValue("outline-width").replace("px", ""));
        Color outline = Color.fromString(element.getCssValue("outline-color"));
        Color background = Color.fromString(driver.findElement(By.tagName("body")).getCssValue("background-color"));
        double contrast = contrast(outline, background);
        String what = element.getTagName() + " \"" + element.getText() + "\" on " + path();
        if ("none".equals(style) || width < 2) throw new AssertionError("no visible focus outline on " + what);
        if (contrast < 3) {
            throw new AssertionError(String.format(java.util.Locale.ROOT,
                    "the focus outline %s of %s has a contrast of %.2f:1 with the background %s; at least 3:1 is needed",
                    outline.asHex(), what, contrast, background.asHex()));
        }
        return this;
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        java.awt.Color rgb = c.getColor();
        return 0.2126 * linear(rgb.getRed()) + 0.7152 * linear(rgb.getGreen()) + 0.0722 * linear(rgb.getBlue());
    }

    private static double linear(int channel) {
        double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** Presses Tab until {@code target} has the focus; fails after {@code maxTabs} presses. Returns the presses needed. */
    public int tabTo(By target, int maxTabs) {
        WebElement wanted = driver.findElement(target);
        for (int presses = 1; presses <= maxTabs; presses++) {
            press(Keys.TAB);
            if (focused().equals(wanted)) return presses;
        }
        throw new AssertionError("Tab did not reach " + target + " in " + maxTabs + " presses; focus is on "
                + focused().getTagName() + " \"" + focused().getText() + "\"");
    }

    private Browser afterAction() {
        checkAccessibilityIfNew();
        return this;
    }

    /** Runs axe on the current page unless this page (this document) was already checked. */
    void checkAccessibilityIfNew() {
        Object checked = ((JavascriptExecutor) driver).executeScript("return window.__axeChecked === true;");
        if (Boolean.TRUE.equals(checked)) return;
        checkAccessibility();
    }

    /** Runs axe on the page as it is now (for instance after opening a disclosure) and fails on any violation. */
    public Browser checkAccessibility() {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        ((JavascriptExecutor) driver).executeScript("window.__axeChecked = true;");
        checkedPages.add(path());
        if (results.isErrored()) throw new AssertionError("axe-core failed on " + path() + ": " + results.getErrorMessage());
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            String report = report(path(), driver.getTitle(), violations);
            System.out.println(report);
            throw new AssertionError(report);
        }
        System.out.println("axe-core: no WCAG 2.1 A/AA violation on " + path() + " (" + results.getPasses().size() + " rules passed)");
        return this;
    }

    /** The pages axe checked so far, in order. */
    public List<String> checkedPages() {
        return List.copyOf(checkedPages);
    }

    static String report(String page, String title, List<Rule> violations) {
        StringBuilder out = new StringBuilder("axe-core: ").append(violations.size())
                .append(" WCAG 2.1 A/AA violation(s) on ").append(page).append(" (\"").append(title).append("\")");
        for (Rule rule : violations) {
            out.append("\n  - ").append(rule.getId()).append(" [").append(rule.getImpact()).append("] ")
                    .append(rule.getHelp()).append(" <").append(rule.getHelpUrl()).append('>');
            for (CheckedNode node : rule.getNodes()) {
                out.append("\n      ").append(node.getTarget()).append("  ").append(node.getHtml());
                if (node.getFailureSummary() != null) {
                    out.append("\n        ").append(node.getFailureSummary().replace("\n", "\n        "));
                }
            }
        }
        return out.toString();
    }

    void quit() {
        driver.quit();
    }
}
