package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.residencymatch.Services;
import org.residencymatch.cycle.CalendarPolicy;
import org.residencymatch.cycle.CalendarService;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.Phase;
import org.residencymatch.web.CalendarForm.Field;

/**
 * The match calendar: the operator sets the phase dates of each iteration, on the page
 * {@code /operator/calendar} and through {@code /api/v1/cycles/{cycle}/iterations/{iteration}/calendar};
 * both go through {@link CalendarService}. Anyone signed in may read the calendar through the API
 * (the phase dates are public); only the operator changes it.
 */
final class CalendarRoutes {

    private static final String API = "/api/v1/cycles/{cycle}/iterations/{iteration}/calendar";
    private static final String TIME_ZONE_API = "/api/v1/cycles/{cycle}/time-zone";
    /** The zones of Canada, offered on the page (the API takes any IANA zone). */
    static final List<String> CANADIAN_ZONES = List.of("America/St_Johns", "America/Halifax", "America/Moncton", "America/Toronto",
            "America/Winnipeg", "America/Regina", "America/Edmonton", "America/Vancouver", "America/Whitehorse", "UTC");
    /**
     * What a {@code datetime-local} input takes and sends (minutes): on the page, in the cycle's time zone;
     * through the API, in UTC like every stored time.
     */
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Services services;
    private final PageRenderer pages;

    CalendarRoutes(Services services, PageRenderer pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get(API, this::apiGet, Access.APPLICANT, Access.PARTNER, Access.PROGRAM_STAFF, Access.OPERATOR);
        routes.put(API, this::apiPut, Access.OPERATOR);
        routes.get("/operator/calendar", this::page, Access.OPERATOR);
        routes.post("/operator/calendar", this::submit, Access.OPERATOR);
        routes.put(TIME_ZONE_API, this::apiTimeZone, Access.OPERATOR);
        routes.post("/operator/calendar/time-zone", this::submitTimeZone, Access.OPERATOR);
    }

    private void apiTimeZone(Context ctx) {
        String cycle = ApiRoutes.requireCycle(services, ctx);
        ZoneId zone = zone(ApiRequests.read(ctx, CalendarJson.TimeZoneRequest.class).timeZone())
                .orElseThrow(() -> ApiException.badRequest("timeZone", CalendarJson.TIME_ZONE_EXPECTED));
        Cycle updated = services.calendar().setTimeZone(cycle, zone, Authentication.requirePrincipal(ctx).auditName());
        ctx.json(new CalendarJson.CycleTimeZone(updated.id(), updated.timeZone().getId()));
    }

    private void submitTimeZone(Context ctx) {
        Cycle cycle = CurrentCycle.of(services);
        Optional<ZoneId> zone = zone(ctx.formParam("timeZone"));
        if (zone.isEmpty()) throw ApiException.badRequest("timeZone", CalendarJson.TIME_ZONE_EXPECTED);
        services.calendar().setTimeZone(cycle.id(), zone.get(), Authentication.requirePrincipal(ctx).auditName());
        ctx.redirect("/operator/calendar?saved=zone");
    }

    private static Optional<ZoneId> zone(String id) {
        if (id == null || id.isBlank()) return Optional.empty();
        try {
            return Optional.of(ZoneId.of(id.strip()));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    // ---- API ----

    private void apiGet(Context ctx) {
        String cycle = ApiRoutes.requireCycle(services, ctx);
        int iteration = ApiRoutes.intPathParam(ctx, "iteration");
        ctx.json(CalendarJson.Calendar.of(services.calendar().requireIteration(cycle, iteration), iteration));
    }

    private void apiPut(Context ctx) {
        String cycle = ApiRoutes.requireCycle(services, ctx);
        int iteration = ApiRoutes.intPathParam(ctx, "iteration");
        services.calendar().requireIteration(cycle, iteration);
        Map<?, ?> body = ApiRoutes.jsonObject(ctx);
        Map<Phase, LocalDateTime> starts = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            Object value = body.get(phase.name());
            if (value == null) continue; // the policy names the first missing phase
            try {
                starts.put(phase, LocalDateTime.parse(String.valueOf(value)));
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(phase.name(), phase + " must be a date and time such as 2025-01-13T12:00");
            }
        }
        try {
            ctx.json(CalendarJson.Calendar.of(
                    services.calendar().replaceIteration(cycle, iteration, starts, Authentication.requirePrincipal(ctx).auditName()),
                    iteration));
        } catch (CalendarService.InvalidCalendarException e) {
            throw ApiException.badRequest(e.decision().phase().name(), e.getMessage());
        }
    }

    // ---- page ----

    private void page(Context ctx) {
        Cycle cycle = CurrentCycle.of(services);
        List<CalendarForm> forms = new ArrayList<>();
        for (int iteration = 1; iteration <= 2; iteration++) forms.add(stored(cycle, iteration));
        String saved = ctx.queryParam("saved");
        render(ctx, cycle, forms, "1".equals(saved) || "2".equals(saved) || "zone".equals(saved) ? saved : null);
    }

    private void submit(Context ctx) {
        Cycle cycle = CurrentCycle.of(services);
        int iteration = ApiRoutes.iterationFromForm(ctx);
        services.calendar().requireIteration(cycle.id(), iteration);
        Map<Phase, LocalDateTime> starts = new EnumMap<>(Phase.class);
        Map<Phase, String> typed = new EnumMap<>(Phase.class);
        Field problem = null;
        for (Phase phase : Phase.values()) {
            String value = Objects.requireNonNullElse(ctx.formParam(phase.name()), "").strip();
            typed.put(phase, value);
            if (value.isEmpty()) continue;
            try {
                // Typed in the cycle's zone; stored in UTC.
                starts.put(phase,
                        LocalDateTime.parse(value).atZone(cycle.timeZone()).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
            } catch (DateTimeParseException e) {
                if (problem == null) problem = new Field(phase, value, "calendar.error.notADate", null, started(cycle, iteration, phase));
            }
        }
        if (problem == null) {
            try {
                services.calendar().replaceIteration(cycle.id(), iteration, starts, Authentication.requirePrincipal(ctx).auditName());
                ctx.redirect("/operator/calendar?saved=" + iteration);
                return;
            } catch (CalendarService.InvalidCalendarException e) {
                // The policy's refusal, beside the phase at fault: its text, and the phase it must follow when it names one.
                CalendarPolicy.Decision d = e.decision();
                var refusal = d.refusal();
                problem = new Field(d.phase(), typed.get(d.phase()), refusal.messageKey(),
                        refusal.arguments().isEmpty() ? null : ((org.residencymatch.Refusal.Key) refusal.arguments().get(0)).key(),
                        started(cycle, iteration, d.phase()));
            }
        }
        // Show the iteration as the operator typed it, with the phase at fault marked; the other iteration as stored.
        List<Field> fields = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            fields.add(
                    phase == problem.phase() ? problem : new Field(phase, typed.get(phase), null, null, started(cycle, iteration, phase)));
        }
        List<CalendarForm> forms = new ArrayList<>();
        for (int i = 1; i <= 2; i++) forms.add(i == iteration ? new CalendarForm(i, fields) : stored(cycle, i));
        ctx.status(400);
        render(ctx, cycle, forms, null);
    }

    private CalendarForm stored(Cycle cycle, int iteration) {
        List<Field> fields = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            fields.add(
                    new Field(phase, cycle.startOf(iteration, phase).map(start -> INPUT.format(cycle.local(start))).orElse(""), null, null,
                            started(cycle, iteration, phase)));
        }
        return new CalendarForm(iteration, fields);
    }

    /** Whether a phase has started: its start can no longer change ({@link CalendarPolicy}). */
    private boolean started(Cycle cycle, int iteration, Phase phase) {
        return cycle.startOf(iteration, phase).map(start -> !start.isAfter(LocalDateTime.now(services.clock()))).orElse(false);
    }

    private void render(Context ctx, Cycle cycle, List<CalendarForm> forms, String savedIteration) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("cycle", cycle.id());
        model.put("forms", forms);
        model.put("saved", savedIteration);
        model.put("timeZone", cycle.timeZone().getId());
        model.put("zones", CANADIAN_ZONES.contains(cycle.timeZone().getId())
                ? CANADIAN_ZONES
                : Stream.concat(Stream.of(cycle.timeZone().getId()), CANADIAN_ZONES.stream()).toList());
        pages.render(ctx, "operator/calendar.jte", "calendar.title", model);
    }
}
