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
import org.residencymatch.account.Principal;
import org.residencymatch.application.RankList;
import org.residencymatch.application.RankListService;
import org.residencymatch.application.RankLists;
import org.residencymatch.cycle.CycleAction;
import org.residencymatch.help.HelpCase;
import org.residencymatch.help.HelpCaseStatus;

/** The applicant's pages: the catalogue, where every stream is selectable or explained. */
final class ApplicantPages {

    static final int PAGE_SIZE = 50;

    private final Services services;
    private final PageRenderer pages;
    private final CouplePages couples;

    ApplicantPages(Services services, PageRenderer pages, String publicUrl) {
        this.services = services;
        this.pages = pages;
        this.couples = new CouplePages(services, pages, publicUrl);
    }

    void register(RoutesConfig routes) {
        routes.get("/applicant/catalogue", this::catalogue, Access.APPLICANT);
        routes.post("/applicant/applications", this::apply, Access.APPLICANT);
        routes.get("/applicant/applications", this::applications, Access.APPLICANT);
        routes.post("/applicant/applications/{streamId}/withdraw", this::withdraw, Access.APPLICANT);
        routes.get("/applicant/rank-list", this::rankList, Access.APPLICANT);
        routes.post("/applicant/rank-list", this::editRankList, Access.APPLICANT);
    }

    private String cycle() {
        return CurrentCycle.id(services);
    }

    private void apply(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        String streamId = ctx.formParam("streamId");
        if (streamId == null || streamId.isBlank()) throw ApiException.badRequest("streamId", "choose a program stream");
        services.applications().apply(cycle(), ApiRoutes.iterationFromForm(ctx), user.applicantId(), streamId, user.auditName());
        ctx.redirect(SignInRoutes.safeNext(ctx.formParam("next")) + "#stream-" + streamId.replaceAll("[^0-9A-Za-z_-]", ""));
    }

    private void withdraw(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        services.applications().withdraw(cycle(), ApiRoutes.iterationFromForm(ctx), user.applicantId(), ctx.pathParam("streamId"),
                user.auditName());
        ctx.redirect("/applicant/applications");
    }

    private void applications(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        String cycle = cycle();
        int iteration = ApiRoutes.iteration(ctx);
        Map<String, ProgramStream> streams = streamsById(cycle);
        Map<String, Object> model = new HashMap<>();
        model.put("applications", services.applications().applicationsOf(cycle, iteration, user.applicantId()));
        model.put("streams", streams);
        model.put("provisional", services.catalogue().provisionalStreams(cycle, user.applicantId(), iteration));
        model.put("iteration", iteration);
        model.put("phase", PhaseBanner.of(services, cycle, iteration, CycleAction.SELECT_PROGRAMS));
        // Released results only: before match day this is empty and the page says nothing of them.
        model.put("result", ApplicantResultView.of(services, CurrentCycle.of(services), iteration, user.applicantId()));
        pages.render(ctx, "applicant/applications.jte", "applications.title", model);
    }

    private void rankList(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        String cycle = cycle();
        int iteration = ApiRoutes.iteration(ctx);
        RankLists lists = services.rankLists().lists(cycle, iteration, RankListService.APPLICANT, user.applicantId());
        RankListEditor.Shown shown = RankListEditor.shown(ctx,
                lists.latest().map(l -> l.entries().stream().map(RankList.Entry::item).toList()).orElse(List.of()));
        RankListEditor.noStore(ctx);
        renderRankList(ctx, cycle, iteration, user.applicantId(), lists, shown);
    }

    private void renderRankList(Context ctx, String cycle, int iteration, String applicantId, RankLists lists, RankListEditor.Shown shown) {
        List<String> order = shown.order();
        Map<String, ProgramStream> streams = streamsById(cycle);
        List<String> applied = services.applications().applicationsOf(cycle, iteration, applicantId).stream()
                .filter(a -> a.active()).map(a -> a.streamId()).filter(id -> !order.contains(id)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("lists", lists);
        model.put("order", order);
        model.put("unranked", applied);
        model.put("streams", streams);
        model.put("iteration", iteration);
        model.put("error", "");
        model.put("unsaved", shown.unsaved());
        model.put("moved", shown.moved());
        model.put("phase", PhaseBanner.of(services, cycle, iteration, CycleAction.EDIT_RANK_LIST));
        model.put("me", applicantId);
        // In an active couple the couple's paired list is the one in force, and the page shows it instead of the single list.
        model.put("couple", couples.view(ctx, cycle, iteration, applicantId));
        String done = ctx.queryParam("couple");
        model.put("coupleNotice", done != null && List.of("proposed", "accepted", "dissolved").contains(done) ? done : "");
        pages.render(ctx, "applicant/rank-list.jte", "rankList.title", model);
    }

    private void editRankList(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        String cycle = cycle();
        int iteration = ApiRoutes.iterationFromForm(ctx);
        RankListEditor.handle(ctx, "/applicant/rank-list?iteration=" + iteration,
                (order, submit) -> services.rankLists().saveApplicantList(cycle, iteration, user.applicantId(), order, submit,
                        user.auditName()));
    }

    private Map<String, ProgramStream> streamsById(String cycle) {
        Map<String, ProgramStream> byId = new java.util.LinkedHashMap<>();
        services.quotas().streams(cycle).forEach(s -> byId.put(s.streamId(), s));
        return byId;
    }

    private void catalogue(Context ctx) {
        String applicantId = Authentication.requirePrincipal(ctx).applicantId();
        String cycle = cycle();
        if (services.profiles().profile(cycle, applicantId).isEmpty()) {
            // A newly registered applicant has no profile for the cycle yet: say so instead of a bare 404.
            pages.render(ctx, "account/message.jte", "catalogue.title", Map.of("key", "profile.missing"));
            return;
        }
        CatalogueFilter filter = new CatalogueFilter(
                ApiRoutes.enumParam(ctx, "province", Province.class),
                ApiRoutes.intParam(ctx, "discipline", null, 0, Integer.MAX_VALUE),
                ApiRoutes.enumParam(ctx, "streamType", StreamType.class),
                ApiRoutes.enumParam(ctx, "decision", Decision.class),
                ctx.queryParam("q"));
        int iteration = ApiRoutes.iteration(ctx);
        int page = ApiRoutes.intParam(ctx, "page", 1, 1, Integer.MAX_VALUE);
        Catalogue catalogue = services.catalogue().catalogue(cycle, applicantId, iteration, filter, page, PAGE_SIZE);
        CatalogueFilterForm form = new CatalogueFilterForm(orEmpty(ctx.queryParam("q")), orEmpty(ctx.queryParam("province")),
                orEmpty(ctx.queryParam("discipline")), orEmpty(ctx.queryParam("streamType")), orEmpty(ctx.queryParam("decision")),
                iteration);
        Map<String, Object> model = new HashMap<>();
        model.put("catalogue", catalogue);
        model.put("form", form);
        model.put("disciplines", disciplines(cycle));
        model.put("provinces", List.of(Province.values()));
        model.put("streamTypes", List.of(StreamType.values()));
        model.put("decisions", List.of(Decision.values()));
        model.put("queryWithoutPage", queryWithoutPage(ctx));
        model.put("applied", services.applications().applicationsOf(cycle, iteration, applicantId).stream()
                .filter(a -> a.active()).map(a -> a.streamId()).collect(java.util.stream.Collectors.toSet()));
        model.put("phase", PhaseBanner.of(services, cycle, iteration, CycleAction.SELECT_PROGRAMS));
        model.put("here", ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
        // Streams the applicant already asked about (a case still open): the explanation links to it instead of a second request.
        List<HelpCase> help = services.help().casesOf(cycle, applicantId);
        Map<String, Long> helpAsked = new HashMap<>();
        help.stream().filter(c -> !c.isClosed() && c.iteration() == iteration).forEach(c -> helpAsked.putIfAbsent(c.streamId(), c.id()));
        model.put("helpAsked", helpAsked);
        // The catalogue is where an applicant lands: an answer from the operator is announced here.
        model.put("helpAnswered", (int) help.stream().filter(c -> c.status() == HelpCaseStatus.ANSWERED).count());
        pages.render(ctx, "applicant/catalogue.jte", "catalogue.title", model);
    }

    private Map<Integer, String> disciplines(String cycle) {
        Map<Integer, String> byId = new TreeMap<>();
        for (ProgramStream s : services.quotas().streams(cycle)) byId.putIfAbsent(s.disciplineId(), s.disciplineName());
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
