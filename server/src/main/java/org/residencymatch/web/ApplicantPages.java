package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.residencymatch.Services;
import org.residencymatch.catalogue.Catalogue;
import org.residencymatch.catalogue.CatalogueFilter;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.program.ProgramStream;
import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;

/** The applicant's pages: the catalogue, where every stream is selectable or explained. */
final class ApplicantPages {

    static final int PAGE_SIZE = 50;

    private final Services services;
    private final PageRenderer pages;

    ApplicantPages(Services services, PageRenderer pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/applicant/catalogue", this::catalogue, Access.APPLICANT);
    }

    private void catalogue(Context ctx) {
        String applicantId = Authentication.requirePrincipal(ctx).applicantId();
        String cycle = services.cycles().currentCycleId().orElseThrow(() -> new ApiException(404, "NOT_FOUND", "no cycle is open"));
        CatalogueFilter filter = new CatalogueFilter(
                ApiRoutes.enumParam(ctx, "province", Province.class),
                ApiRoutes.intParam(ctx, "discipline", null, 0, Integer.MAX_VALUE),
                ApiRoutes.enumParam(ctx, "streamType", StreamType.class),
                ApiRoutes.enumParam(ctx, "decision", Decision.class),
                ctx.queryParam("q"));
        int iteration = ApiRoutes.iteration(ctx);
        int page = ApiRoutes.intParam(ctx, "page", 1, 1, Integer.MAX_VALUE);
        Catalogue catalogue = services.catalogue().catalogue(cycle, applicantId, iteration, filter, page, PAGE_SIZE);
        Catalogue everything = services.catalogue().catalogue(cycle, applicantId, iteration, CatalogueFilter.ALL, 1, 1);
        CatalogueFilterForm form = new CatalogueFilterForm(orEmpty(ctx.queryParam("q")), orEmpty(ctx.queryParam("province")),
                orEmpty(ctx.queryParam("discipline")), orEmpty(ctx.queryParam("streamType")), orEmpty(ctx.queryParam("decision")), iteration);
        Map<String, Object> model = new HashMap<>();
        model.put("catalogue", catalogue);
        model.put("totalStreams", everything.matching());
        model.put("form", form);
        model.put("disciplines", disciplines(cycle));
        model.put("provinces", List.of(Province.values()));
        model.put("streamTypes", List.of(StreamType.values()));
        model.put("decisions", List.of(Decision.values()));
        model.put("queryWithoutPage", queryWithoutPage(ctx));
        pages.render(ctx, "applicant/catalogue.jte", "catalogue.title", model);
    }

    private Map<Integer, String> disciplines(String cycle) {
        Map<Integer, String> byId = new TreeMap<>();
        services.database().jdbi().useHandle(h -> {
            for (ProgramStream s : services.programs().streams(h, cycle)) byId.putIfAbsent(s.disciplineId(), s.disciplineName());
        });
        // Sorted by name for the select box.
        Map<Integer, String> byName = new java.util.LinkedHashMap<>();
        byId.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> byName.put(e.getKey(), e.getValue()));
        return byName;
    }

    private static String queryWithoutPage(Context ctx) {
        StringBuilder query = new StringBuilder();
        ctx.queryParamMap().forEach((name, values) -> {
            if (name.equals("page")) return;
            for (String value : values) {
                query.append(query.length() == 0 ? "" : "&").append(encode(name)).append('=').append(encode(value));
            }
        });
        return query.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
