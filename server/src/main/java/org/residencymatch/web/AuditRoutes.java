package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.Services;
import org.residencymatch.audit.AuditFilter;
import org.residencymatch.audit.AuditPage;
import org.residencymatch.audit.AuditTrail;
import org.residencymatch.tabular.CsvExport;

/**
 * The audit log for the operator: a page with filters, its CSV export, and {@code GET /api/v1/audit}.
 * All three read the same query parameters into the same {@link AuditFilter}, so a page's address,
 * its export and the API call with the same parameters show the same entries.
 */
final class AuditRoutes {

    /** The filters' query parameters, in the order the page's links repeat them. */
    private static final List<String> FILTERS = List.of("actor", "action", "target", "from", "to");
    private static final int FIELD_MAX = 200;

    private final Services services;
    private final PageRenderer pages;

    AuditRoutes(Services services, PageRenderer pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/audit", this::api, Access.OPERATOR);
        routes.get("/operator/audit", this::page, Access.OPERATOR);
        routes.get("/operator/audit.csv", this::csv, Access.OPERATOR);
    }

    private void api(Context ctx) {
        AuditPage found = search(ctx);
        ctx.json(AuditJson.AuditEntryPage.of(found));
    }

    private void page(Context ctx) {
        AuditPage found = search(ctx);
        String query = filterQuery(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("found", found);
        // An entry about an applicant's file names them, with a link to their page.
        model.put("names", services.directory().names(found.entries().stream().map(e -> e.target())
                .filter(t -> t.startsWith("applicant:")).map(t -> t.substring("applicant:".length())).toList()));
        model.put("filters", filterValues(ctx));
        List<String> actions = services.auditTrail().actions();
        model.put("actions", actions);
        model.put("families", families(actions));
        model.put("previous", found.hasPrevious() ? pageLink(query, found.page() - 1, found.pageSize()) : null);
        model.put("next", found.hasNext() ? pageLink(query, found.page() + 1, found.pageSize()) : null);
        model.put("export", "/operator/audit.csv" + (query.isEmpty() ? "" : "?" + query));
        pages.render(ctx, "operator/audit.jte", "audit.title", model);
    }

    /** Every entry the filters match (up to {@link AuditTrail#MAX_EXPORT}), as CSV that is safe to open in a spreadsheet. */
    private void csv(Context ctx) {
        List<List<String>> rows = services.auditTrail().export(filter(ctx)).stream()
                .map(e -> List.of(e.at().toString(), e.actor(), e.action(), e.target(), e.details() == null ? "" : e.details())).toList();
        ctx.header("Content-Disposition", "attachment; filename=\"audit.csv\"");
        ctx.contentType("text/csv; charset=utf-8")
                .result(CsvExport.document(CsvExport.COMMA, List.of("Time (UTC)", "Actor", "Action", "Target", "Details"), rows));
    }

    private AuditPage search(Context ctx) {
        AuditFilter filter = filter(ctx);
        int page = ApiRoutes.intParam(ctx, "page", 1, 1, 1_000_000);
        int pageSize = ApiRoutes.intParam(ctx, "pageSize", AuditTrail.DEFAULT_PAGE_SIZE, 1, AuditTrail.MAX_PAGE_SIZE);
        return services.auditTrail().search(filter, page, pageSize);
    }

    /** The filters from the query; a malformed date or an over-long text is refused naming its field. */
    static AuditFilter filter(Context ctx) {
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        if (from != null && to != null && to.isBefore(from)) throw ApiException.badRequest("to", "to must not be before from");
        // Dates are whole days in UTC, the time the log is kept in; "to" includes its whole day.
        return new AuditFilter(text(ctx, "actor"), text(ctx, "action"), text(ctx, "target"),
                from == null ? null : from.atStartOfDay(), to == null ? null : to.plusDays(1).atStartOfDay());
    }

    private static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value != null && value.length() > FIELD_MAX)
            throw ApiException.badRequest(name, name + " is longer than " + FIELD_MAX + " characters");
        return value;
    }

    private static LocalDate date(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be a date written YYYY-MM-DD");
        }
    }

    /** The actions' families ({@code list.} for {@code list.committed}...), offered as prefix filters. */
    static List<String> families(List<String> actions) {
        return actions.stream().filter(a -> a.indexOf('.') > 0).map(a -> a.substring(0, a.indexOf('.') + 1)).distinct().sorted().toList();
    }

    /** The filters as given, to fill the form again. */
    private static Map<String, String> filterValues(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : FILTERS) values.put(name, ctx.queryParam(name) == null ? "" : ctx.queryParam(name).strip());
        return values;
    }

    /** The non-blank filters as {@code name=value&...}, encoded, for links that keep them. */
    private static String filterQuery(Context ctx) {
        List<String> parts = new ArrayList<>();
        filterValues(ctx).forEach((name, value) -> {
            if (!value.isEmpty()) parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return String.join("&", parts);
    }

    private static String pageLink(String filterQuery, int page, int pageSize) {
        return "/operator/audit?" + (filterQuery.isEmpty() ? "" : filterQuery + "&") + "page=" + page + "&pageSize=" + pageSize;
    }
}
