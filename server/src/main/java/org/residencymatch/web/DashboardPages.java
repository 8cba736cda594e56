package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.residencymatch.Services;
import org.residencymatch.application.RankListLengths;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.lists.ListCoverage;
import org.residencymatch.matching.MatchRun;
import org.residencymatch.matching.MatchStatistics;
import org.residencymatch.web.chart.BarChart;

/**
 * The operator's dashboard: how the latest match run of an iteration filled the positions (by
 * province and discipline, CMGs and IMGs matched), how far the partner lists reach the IMG
 * applicants, and how long the rank order lists are, as charts drawn on the server.
 */
final class DashboardPages {

    private final Services services;
    private final PageRenderer pages;

    DashboardPages(Services services, PageRenderer pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/operator/dashboard", this::dashboard, Access.OPERATOR);
    }

    private void dashboard(Context ctx) {
        String cycle = CurrentCycle.id(services);
        int iteration = ApiRoutes.iteration(ctx);
        Page page = pages.page(ctx, "dashboard.title");
        Messages m = page.m();
        List<MatchRun> runs = services.matchRuns().runs(cycle, iteration);
        Optional<MatchRun> latest = runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
        MatchStatistics statistics = latest.map(run -> services.matchRuns().statistics(cycle, run.id())).orElse(null);
        var data = Map.entry(services.listVersions().coverage(cycle), services.rankLists().lengths(cycle, iteration));

        List<DashboardChart> charts = new ArrayList<>();
        // Before the first run there is nothing to draw of the match: the page says when it can run instead.
        if (statistics != null) {
            charts.add(chart(m, "fill-province", "dashboard.fillProvince", "catalogue.province", "dashboard.fill", "",
                    fillBars(m, statistics.byProvince(), key -> new Page.Name(m.t("province." + key), null)), 100));
            charts.add(chart(m, "fill-discipline", "dashboard.fillDiscipline", "catalogue.discipline", "dashboard.fill", "",
                    fillBars(m, statistics.byDiscipline(), page::discipline), 100));
            charts.add(chart(m, "matched-category", "dashboard.matched", "dashboard.category", "dashboard.applicants", "", List.of(
                    new BarChart.Bar(m.t("dashboard.category.CMG"), null, statistics.cmgMatched(), m.number(statistics.cmgMatched())),
                    new BarChart.Bar(m.t("dashboard.category.IMG"), null, statistics.imgMatched(), m.number(statistics.imgMatched()))), 0));
        }
        charts.add(coverageChart(m, data.getKey()));
        charts.add(rankListChart(m, data.getValue()));

        var model = new java.util.HashMap<String, Object>();
        model.put("cycle", cycle);
        model.put("iteration", iteration);
        model.put("run", latest.orElse(null));
        model.put("matchOpens", CurrentCycle.of(services).opens(org.residencymatch.cycle.CycleAction.RUN_MATCH, iteration).orElse(null));
        model.put("charts", charts);
        pages.render(ctx, "operator/dashboard.jte", page, model);
    }

    private static List<BarChart.Bar> fillBars(Messages m, Map<String, MatchStatistics.Fill> fills,
            java.util.function.Function<String, Page.Name> label) {
        List<BarChart.Bar> bars = new ArrayList<>();
        fills.forEach((key, fill) -> {
            double rate = fill.positions() == 0 ? 0 : 100.0 * fill.filled() / fill.positions();
            Page.Name name = label.apply(key);
            bars.add(new BarChart.Bar(name.text(), name.lang(), rate,
                    m.t("dashboard.fillValue", fill.filled(), fill.positions(), m.percent(rate))));
        });
        return bars;
    }

    private static DashboardChart coverageChart(Messages m, ListCoverage coverage) {
        List<BarChart.Bar> bars = new ArrayList<>();
        if (coverage.imgApplicants() > 0) {
            for (ListKind kind : ListKind.values()) {
                int on = coverage.imgOnList().getOrDefault(kind, 0);
                Integer version = coverage.versions().get(kind);
                String value = version == null
                        ? m.t("dashboard.coverageNone")
                        : m.t("dashboard.coverageValue", on, coverage.imgApplicants(), m.percent(100.0 * on / coverage.imgApplicants()),
                                version);
                bars.add(new BarChart.Bar(m.t("lists.kind." + kind.name()), null, on, value));
            }
        }
        return chart(m, "list-coverage", "dashboard.coverage", "dashboard.list", "dashboard.imgOnList", m.t("dashboard.noImg"), bars,
                coverage.imgApplicants(), m.t("dashboard.coverageDesc", coverage.imgApplicants()));
    }

    private static DashboardChart rankListChart(Messages m, RankListLengths lengths) {
        List<BarChart.Bar> bars = new ArrayList<>();
        if (lengths.lists() > 0) {
            for (RankListLengths.Range r : lengths.ranges()) {
                String label = r.max() == null
                        ? m.t("dashboard.ranksOrMore", r.min())
                        : r.max() == r.min() ? m.t("dashboard.ranks", r.min()) : m.t("dashboard.ranksBetween", r.min(), r.max());
                bars.add(new BarChart.Bar(label, null, r.lists(), m.number(r.lists())));
            }
        }
        return chart(m, "rol-lengths", "dashboard.rolLengths", "dashboard.rolLength", "dashboard.lists", m.t("dashboard.noLists"), bars, 0,
                m.t("dashboard.rolLengthsDesc", lengths.lists()));
    }

    private static DashboardChart chart(Messages m, String id, String titleKey, String labelKey, String valueKey, String empty,
            List<BarChart.Bar> bars, double max) {
        return chart(m, id, titleKey, labelKey, valueKey, empty, bars, max, m.t(titleKey + "Desc"));
    }

    private static DashboardChart chart(Messages m, String id, String titleKey, String labelKey, String valueKey, String empty,
            List<BarChart.Bar> bars,
            double max, String description) {
        String html = BarChart.render(id,
                new BarChart.Texts(m.t(titleKey), description, m.t(labelKey), m.t(valueKey), m.t("dashboard.showTable"), empty),
                bars, max);
        // The chart escaped every text it was given; the template writes its markup as it is.
        return new DashboardChart(m.t(titleKey), output -> output.writeContent(html));
    }
}
