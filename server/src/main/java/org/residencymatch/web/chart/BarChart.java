package org.residencymatch.web.chart;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A horizontal bar chart as accessible SVG, drawn on the server: no script, no inline style (the
 * content security policy allows neither), colours as SVG presentation attributes.
 *
 * <p>The SVG is one image ({@code role="img"}) named by its {@code <title>} and described by its
 * {@code <desc>}; the same numbers follow as a table in a disclosure, for whoever cannot see the
 * bars or wants the exact figures. Every text comes from the caller (from the message bundles, with
 * numbers already formatted for the reader's locale) and is escaped here; the geometry is written
 * with a locale-independent decimal point.
 */
public final class BarChart {

    /**
     * One bar.
     *
     * @param label what the bar stands for
     * @param labelLanguage the language of the label when it differs from the page's (e.g. "en" for
     *     an English-only discipline name on a French page), else null
     * @param value the bar's length in the chart's unit, 0 or more
     * @param valueText the value as the reader reads it, formatted for their locale
     */
    public record Bar(String label, String labelLanguage, double value, String valueText) {
        public Bar {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(valueText, "valueText");
            if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
                throw new IllegalArgumentException("a bar's value is a finite number of 0 or more, not " + value);
            }
        }
    }

    /**
     * The chart's texts.
     *
     * @param title names the chart (the image's accessible name and the table's caption)
     * @param description what the chart shows, in a sentence (the image's description)
     * @param labelHeader the table's first column header
     * @param valueHeader the table's second column header
     * @param showTable the disclosure that opens the table
     * @param empty what is said instead of a chart when there is nothing to draw
     */
    public record Texts(String title, String description, String labelHeader, String valueHeader, String showTable, String empty) {
        public Texts {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(labelHeader, "labelHeader");
            Objects.requireNonNull(valueHeader, "valueHeader");
            Objects.requireNonNull(showTable, "showTable");
            Objects.requireNonNull(empty, "empty");
        }
    }

    static final int WIDTH = 640;
    static final int BAR_AREA = 440;
    static final int ROW = 40;
    static final int BAR_HEIGHT = 14;
    static final int TOP = 8;
    static final String BAR_COLOUR = "#0b5cad";
    static final String TRACK_COLOUR = "#e4e7eb";
    static final String TEXT_COLOUR = "#1a1a1a";

    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,60}");

    private BarChart() {
    }

    /**
     * The chart's HTML: the SVG and its table, or the {@code empty} text when there are no bars.
     *
     * @param id the chart's id in the page, unique in it (letters, digits, '-' and '_')
     * @param max the value of a full-length bar; when 0 or less, the longest bar's value (and when
     *     every value is 0, every bar is empty). Values beyond {@code max} are drawn full length.
     */
    public static String render(String id, Texts texts, List<Bar> bars, double max) {
        if (id == null || !ID.matcher(id).matches())
            throw new IllegalArgumentException("a chart id is a letter then letters, digits, '-' or '_': " + id);
        if (bars.isEmpty()) return "<p class=\"chart-empty\" id=\"" + id + "\">" + escape(texts.empty()) + "</p>";
        double full = max > 0 ? max : bars.stream().mapToDouble(Bar::value).max().orElse(0);
        int height = TOP * 2 + ROW * bars.size();
        StringBuilder out = new StringBuilder(512 + 256 * bars.size());
        out.append("<div class=\"chart\" id=\"").append(id).append("\">");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\">");
        out.append("<title id=\"").append(id).append("-title\">").append(escape(texts.title())).append("</title>");
        out.append("<desc id=\"").append(id).append("-desc\">").append(escape(texts.description())).append("</desc>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * ROW;
            double length = length(bar.value(), full);
            out.append("<text x=\"0\" y=\"").append(y + 12).append("\" font-size=\"13\" fill=\"").append(TEXT_COLOUR).append('"')
                    .append(lang(bar)).append('>').append(escape(bar.label())).append("</text>");
            out.append("<rect x=\"0\" y=\"").append(y + 18).append("\" width=\"").append(BAR_AREA).append("\" height=\"").append(BAR_HEIGHT)
                    .append("\" fill=\"").append(TRACK_COLOUR).append("\"/>");
            out.append("<rect class=\"bar\" x=\"0\" y=\"").append(y + 18).append("\" width=\"").append(decimal(length))
                    .append("\" height=\"")
                    .append(BAR_HEIGHT).append("\" fill=\"").append(BAR_COLOUR).append("\"/>");
            out.append("<text x=\"").append(BAR_AREA + 8).append("\" y=\"").append(y + 30).append("\" font-size=\"13\" fill=\"")
                    .append(TEXT_COLOUR)
                    .append("\">").append(escape(bar.valueText())).append("</text>");
        }
        out.append("</svg>");
        out.append("<details class=\"chart-data\"><summary>").append(escape(texts.showTable())).append("</summary><table><caption>")
                .append(escape(texts.title())).append("</caption><thead><tr><th scope=\"col\">").append(escape(texts.labelHeader()))
                .append("</th><th scope=\"col\">").append(escape(texts.valueHeader())).append("</th></tr></thead><tbody>");
        for (Bar bar : bars) {
            out.append("<tr><th scope=\"row\"").append(lang(bar)).append('>').append(escape(bar.label())).append("</th><td>")
                    .append(escape(bar.valueText())).append("</td></tr>");
        }
        out.append("</tbody></table></details></div>");
        return out.toString();
    }

    /** The bar's length in the drawing: proportional to {@code full}, never negative nor longer than the bar area. */
    static double length(double value, double full) {
        if (full <= 0) return 0;
        return Math.min(BAR_AREA, BAR_AREA * value / full);
    }

    private static String lang(Bar bar) {
        return bar.labelLanguage() == null ? "" : " lang=\"" + escape(bar.labelLanguage()) + "\"";
    }

    /** One decimal, always with a point: SVG numbers do not follow the reader's locale. */
    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Escapes text for HTML and SVG text and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
