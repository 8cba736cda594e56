package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.residencymatch.ConflictException;
import org.residencymatch.Services;
import org.residencymatch.program.ProgramStream;
import org.residencymatch.program.Province;
import org.residencymatch.program.QuotaService;
import org.residencymatch.program.StreamFilter;

/**
 * The operator's programs and quotas: {@code PUT /api/v1/cycles/{cycle}/streams/{streamId}/quota} and
 * the page {@code /operator/programs}, both through {@link QuotaService#setQuota}.
 */
public final class ProgramQuotaRoutes {

    static final int PAGE_SIZE = 50;

    private final Services services;
    private final PageRenderer pages;

    ProgramQuotaRoutes(Services services, PageRenderer pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.put("/api/v1/cycles/{cycle}/streams/{streamId}/quota", this::apiSetQuota, Access.OPERATOR);
        routes.get("/operator/programs", this::page, Access.OPERATOR);
        routes.post("/operator/programs/{streamId}/quota", this::formSetQuota, Access.OPERATOR);
    }

    private void apiSetQuota(Context ctx) {
        String cycle = ApiRoutes.requireCycle(services, ctx);
        int quota = ApiRequests.read(ctx, ProgramQuotaJson.QuotaRequest.class).quota();
        QuotaService.QuotaChange change;
        try {
            change = services.quotas().setQuota(cycle, ctx.pathParam("streamId"), quota, Authentication.requirePrincipal(ctx).auditName());
        } catch (QuotaService.InvalidQuotaException e) {
            throw ApiException.badRequest(e.field(), e.getMessage());
        }
        ctx.json(ProgramQuotaJson.QuotaChange.of(change));
    }

    /** The filter form's values as chosen (empty strings for "any"), carried through every quota form. */
    public record Form(String faculty, String province, String discipline, String q, int page) {

        static Form of(java.util.function.Function<String, String> param) {
            return new Form(clean(param.apply("faculty")), clean(param.apply("province")), clean(param.apply("discipline")),
                    clean(param.apply("q")), pageNumber(param.apply("page")));
        }

        private static String clean(String value) {
            return value == null ? "" : value.strip();
        }

        private static int pageNumber(String value) {
            try {
                return Math.max(1, Integer.parseInt(clean(value)));
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        /** Unknown provinces, disciplines and faculties match nothing in particular: they mean "any". */
        StreamFilter filter() {
            Province p = null;
            for (Province candidate : Province.values()) if (candidate.name().equals(province)) p = candidate;
            Integer d = null;
            try {
                if (!discipline.isEmpty()) d = Integer.valueOf(discipline);
            } catch (NumberFormatException e) {
                d = null;
            }
            return new StreamFilter(faculty.isEmpty() ? null : faculty, p, d, q.isEmpty() ? null : q);
        }

        String query() {
            return query(page);
        }

        /** The filter as a query string, at another page. */
        public String query(int otherPage) {
            return "faculty=" + enc(faculty) + "&province=" + enc(province) + "&discipline=" + enc(discipline) + "&q=" + enc(q) + "&page="
                    + otherPage;
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /** A refused quota form: the stream, the value as typed (shown back) and the message key. */
    public record QuotaError(String streamId, String value, String messageKey) {
    }

    /** What the page shows. */
    public record View(String cycle, Form form, Map<String, String> faculties, Map<Integer, String> disciplines, List<ProgramStream> rows,
            int matching, int page, int pageCount, Map<Province, Integer> positionsByProvince, int positions, ProgramStream changed,
            QuotaError error, Map<String, org.residencymatch.eligibility.Positions> secondIteration) {
    }

    private void page(Context ctx) {
        render(ctx, Form.of(ctx::queryParam), ctx.queryParam("changed"), null);
    }

    private void formSetQuota(Context ctx) {
        String cycle = CurrentCycle.id(services);
        String streamId = ctx.pathParam("streamId");
        Form form = Form.of(ctx::formParam);
        String typed = String.valueOf(ctx.formParam("quota")).strip();
        String error;
        try {
            int quota = Integer.parseInt(typed);
            services.quotas().setQuota(cycle, streamId, quota, Authentication.requirePrincipal(ctx).auditName());
            ctx.redirect("/operator/programs?" + form.query() + "&changed=" + URLEncoder.encode(streamId, StandardCharsets.UTF_8)
                    + "#stream-" + URLEncoder.encode(streamId, StandardCharsets.UTF_8));
            return;
        } catch (NumberFormatException | QuotaService.InvalidQuotaException e) {
            error = "programs.error.quota";
        } catch (ConflictException e) {
            error = "programs.error.frozen";
        }
        ctx.status(422);
        render(ctx, form, null, new QuotaError(streamId, typed.length() > 20 ? typed.substring(0, 20) : typed, error));
    }

    private void render(Context ctx, Form form, String changedId, QuotaError error) {
        String cycle = CurrentCycle.id(services);
        List<ProgramStream> all = services.quotas().streams(cycle);
        Map<String, String> facultyNames = new HashMap<>();
        Map<Integer, String> disciplines = new LinkedHashMap<>();
        Map<Province, Integer> byProvince = new EnumMap<>(Province.class);
        Page shownPage = pages.page(ctx, "programs.title");
        boolean french = "fr".equals(shownPage.m().language());
        for (ProgramStream s : all) {
            facultyNames.put(s.facultyId(), french ? s.facultyNameFr() : s.facultyName());
            disciplines.putIfAbsent(s.disciplineId(), s.disciplineName());
            byProvince.merge(s.province(), s.quota(), Integer::sum);
        }
        // Listed by name, as the operator looks for them.
        Map<String, String> faculties = new LinkedHashMap<>();
        facultyNames.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Collator.getInstance(Locale.forLanguageTag(shownPage.m().language()))))
                .forEach(e -> faculties.put(e.getKey(), e.getValue()));
        StreamFilter filter = form.filter();
        List<ProgramStream> matching = all.stream().filter(filter::accepts).toList();
        int pageCount = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(form.page(), pageCount);
        // The refused stream stays on the page shown, whatever page number the form carried.
        if (error != null) {
            for (int i = 0; i < matching.size(); i++) if (matching.get(i).streamId().equals(error.streamId())) page = i / PAGE_SIZE + 1;
        }
        Form shown = new Form(form.faculty(), form.province(), form.discipline(), form.q(), page);
        List<ProgramStream> rows = matching.subList((page - 1) * PAGE_SIZE, Math.min(matching.size(), page * PAGE_SIZE));
        ProgramStream changed = changedId == null
                ? null
                : all.stream().filter(s -> s.streamId().equals(changedId)).findFirst().orElse(null);
        int positions = byProvince.values().stream().mapToInt(Integer::intValue).sum();
        pages.render(ctx, "operator/programs.jte", shownPage, Map.of("view",
                new View(cycle, shown, faculties, disciplines, rows, matching.size(), page, pageCount, byProvince, positions, changed,
                        error,
                        services.catalogue().positions(cycle, 2))));
    }
}
