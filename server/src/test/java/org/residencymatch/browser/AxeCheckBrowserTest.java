package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The checks themselves: axe really runs, and a violation fails with its rule, impact, help and elements. */
@Tag("browser")
class AxeCheckBrowserTest {

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension();

    @Test
    void aPageWithViolationsFailsWithEveryRuleAndElementNamed() {
        String broken = "<!DOCTYPE html><html><head><title>Broken</title></head><body><main>"
                + "<img id='logo' src='data:image/gif;base64,R0lGODlhAQABAAAAACw='>"
                + "<input id='unlabelled' type='text'>"
                + "<p style='color:#bbb;background:#fff'>Faint text</p></main></body></html>";
        Browser browser = web.browser();

        browser.driver().get("data:text/html;charset=utf-8," + URLEncoder.encode(broken, StandardCharsets.UTF_8).replace("+", "%20"));
        assertThatThrownBy(browser::checkAccessibility)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("html-has-lang [serious]")
                .hasMessageContaining("image-alt [critical]").hasMessageContaining("#logo")
                .hasMessageContaining("label [critical]").hasMessageContaining("#unlabelled")
                .hasMessageContaining("color-contrast [serious]");
    }

    @Test
    void theSignInPageIsCheckedAsSoonAsItIsShown() {
        Browser browser = web.browser();
        browser.open("/login");
        assertThat(browser.checkedPages()).containsExactly("/login");
        browser.click(By.id("email"));
        assertThat(browser.checkedPages()).as("the same page is not checked again").containsExactly("/login");
    }
}
