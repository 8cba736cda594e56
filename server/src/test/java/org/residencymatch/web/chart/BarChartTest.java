package org.residencymatch.web.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BarChartTest {

    static final BarChart.Texts TEXTS = new BarChart.Texts("Fill rate", "Share of positions filled.", "Province", "Filled",
            "Show the table", "Nothing yet.");

    /** The widths of the coloured bars, in drawing order. */
    static List<String> barWidths(String html) {
        Matcher m = Pattern.compile("<rect class=\"bar\" [^>]*width=\"([^\"]+)\"").matcher(html);
        List<String> widths = new java.util.ArrayList<>();
        while (m.find()) widths.add(m.group(1));
        return widths;
    }

    @Test
    void anImageNamedByItsTitleAndDescribedByItsDescWithTheSameFiguresAsATable() {
        String html = BarChart.render("fill", TEXTS, List.of(new BarChart.Bar("Ontario", null, 40, "4 of 10 (40%)")), 100);

        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
                .contains("aria-labelledby=\"fill-title fill-desc\"")
                .contains("<title id=\"fill-title\">Fill rate</title>")
                .contains("<desc id=\"fill-desc\">Share of positions filled.</desc>")
                .contains("<summary>Show the table</summary><table><caption>Fill rate</caption>")
                .contains("<th scope=\"col\">Province</th><th scope=\"col\">Filled</th>")
                .contains("<tr><th scope=\"row\">Ontario</th><td>4 of 10 (40%)</td></tr>");
        assertThat(html).as("nothing the content security policy refuses").doesNotContain("style=").doesNotContain("<script");
    }

    @Test
    void everyTextIsEscapedInTheDrawingAndInTheTable() {
        String name = "<script>alert('x')</script> O'Brien-Lévesque & \"Fils\"";
        String html = BarChart.render("x", new BarChart.Texts(name, name, name, name, name, name),
                List.of(new BarChart.Bar(name, "en\"onload=\"x", 1, name)), 1);

        assertThat(html).doesNotContain("<script>").doesNotContain("'x'").doesNotContain("\"Fils\"").doesNotContain("\"onload");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; O&#39;Brien-Lévesque &amp; &quot;Fils&quot;");
        assertThat(html).contains("lang=\"en&quot;onload=&quot;x\"");
        assertThat(BarChart.render("x", new BarChart.Texts("t", "d", "l", "v", "s", name), List.of(), 0))
                .isEqualTo(
                        "<p class=\"chart-empty\" id=\"x\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; O&#39;Brien-Lévesque &amp; &quot;Fils&quot;</p>");
    }

    @Test
    void barsAreProportionalToTheGivenMaximumAndNeverLongerThanTheArea() {
        String html = BarChart.render("c", TEXTS, List.of(
                new BarChart.Bar("half", null, 50, "50"), new BarChart.Bar("none", null, 0, "0"),
                new BarChart.Bar("third", null, 100.0 / 3, "33"), new BarChart.Bar("over", null, 150, "150")), 100);

        assertThat(barWidths(html)).containsExactly("220.0", "0.0", "146.7", "440.0");
    }

    @Test
    void withoutAMaximumTheLongestBarFillsTheAreaAndAllZeroBarsStayEmpty() {
        assertThat(barWidths(
                BarChart.render("c", TEXTS, List.of(new BarChart.Bar("a", null, 3, "3"), new BarChart.Bar("b", null, 12, "12")), 0)))
                .containsExactly("110.0", "440.0");
        assertThat(barWidths(
                BarChart.render("c", TEXTS, List.of(new BarChart.Bar("a", null, 0, "0"), new BarChart.Bar("b", null, 0, "0")), 0)))
                .containsExactly("0.0", "0.0");
    }

    @Test
    void theGeometryKeepsADecimalPointWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.CANADA_FRENCH);
            assertThat(barWidths(BarChart.render("c", TEXTS, List.of(new BarChart.Bar("a", null, 1, "1")), 3))).containsExactly("146.7");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theHeightGrowsWithTheBars() {
        String one = BarChart.render("c", TEXTS, List.of(new BarChart.Bar("a", null, 1, "1")), 0);
        String three = BarChart.render("c", TEXTS, List.of(new BarChart.Bar("a", null, 1, "1"), new BarChart.Bar("b", null, 1, "1"),
                new BarChart.Bar("c", null, 1, "1")), 0);
        assertThat(one).contains("viewBox=\"0 0 640 56\"");
        assertThat(three).contains("viewBox=\"0 0 640 136\"");
    }

    @Test
    void noDataSaysSoInsteadOfDrawingAnEmptyChart() {
        String html = BarChart.render("empty", TEXTS, List.of(), 100);
        assertThat(html).isEqualTo("<p class=\"chart-empty\" id=\"empty\">Nothing yet.</p>");
    }

    @Test
    void aLabelInAnotherLanguageCarriesItsLangInTheDrawingAndTheTable() {
        String html = BarChart.render("d", TEXTS, List.of(new BarChart.Bar("Family Medicine", "en", 10, "10 %")), 100);
        assertThat(html).contains("lang=\"en\">Family Medicine</text>").contains("<th scope=\"row\" lang=\"en\">Family Medicine</th>");
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> new BarChart.Bar("a", null, -1, "-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new BarChart.Bar("a", null, Double.NaN, "?")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BarChart.render("1x", TEXTS, List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BarChart.render("a\"b", TEXTS, List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
