package org.residencymatch.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.residencymatch.Services;
import org.residencymatch.web.TestServer;

/**
 * Runs a test class against the real server in a real headless Chromium. Register it as a static
 * field ({@code @RegisterExtension static final BrowserExtension web = new BrowserExtension();}).
 *
 * <ul>
 *   <li>Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} are used, never Selenium
 *       Manager. Without them the tests are skipped, except when the environment variable {@code CI}
 *       is {@code true}: CI must never skip them silently, so there they fail.
 *   <li>Once per class: a fresh seeded database and the web server on a free port.
 *   <li>Once per test: a new browser with a new profile ({@link #browser()}), which runs axe-core on
 *       every page it shows; the test fails on any WCAG 2.1 A/AA violation.
 *   <li>When a test fails: a screenshot and the page source in {@code target/browser-failures/}.
 * </ul>
 */
public final class BrowserExtension
        implements
            BeforeAllCallback,
            AfterAllCallback,
            BeforeEachCallback,
            AfterTestExecutionCallback,
            AfterEachCallback {

    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    static final Path FAILURES = Path.of("target", "browser-failures");

    private final TestServer web;
    private Browser browser;
    private Path profile;

    /** On the system clock. */
    public BrowserExtension() {
        this(java.time.Clock.systemUTC());
    }

    /** On a clock of the test's own, for a test that walks the cycle's calendar (a match run needs the ROL deadline past). */
    public BrowserExtension(java.time.Clock clock) {
        this.web = TestServer.demo(clock);
    }

    /** Skips (on a developer's machine) or fails (in CI) when the browser or its driver is missing. */
    static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (present) return;
        String missing = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true and " + missing + ": CI must not skip the browser tests");
        }
        Assumptions.abort("skipped: " + missing);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        requireBrowser();
        web.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        web.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        profile = Files.createTempDirectory("chromium-profile-");
        browser = Browser.start("http://localhost:" + web.port(), profile);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        if (browser == null) return;
        Throwable failure = context.getExecutionException().orElse(null);
        if (failure == null) {
            // The last page the test looked at may not have been checked yet.
            try {
                browser.checkAccessibilityIfNew();
            } catch (AssertionError violation) {
                failure = violation;
            }
        }
        if (failure != null) {
            saveFailure(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
            if (context.getExecutionException().isEmpty()) throw (AssertionError) failure;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (browser != null) browser.quit();
        } finally {
            browser = null;
            deleteRecursively(profile);
        }
    }

    public Browser browser() {
        return browser;
    }

    public Services services() {
        return web.services();
    }

    /** The web server, for a test that adds a route of its own (one that fails, say). */
    public org.residencymatch.web.WebServer server() {
        return web.server();
    }

    private void saveFailure(String name) {
        try {
            Files.createDirectories(FAILURES);
            byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
            Files.write(FAILURES.resolve(name + ".png"), png);
            String source = "<!-- " + browser.driver().getCurrentUrl() + " -->\n" + browser.driver().getPageSource();
            Files.writeString(FAILURES.resolve(name + ".html"), source, StandardCharsets.UTF_8);
            System.err.println(
                    "browser test failed: screenshot and page source in " + FAILURES.toAbsolutePath().resolve(name) + ".{png,html}");
        } catch (RuntimeException | IOException e) {
            System.err.println("browser test failed; could not save a screenshot: " + e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | java.io.UncheckedIOException e) {
            // Chromium may still be writing into its profile as it exits; a leftover temp dir is harmless.
        }
    }
}
