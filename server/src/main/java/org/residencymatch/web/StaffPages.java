package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.application.StreamRanking;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.Phase;
import org.residencymatch.program.ProgramStream;

/**
 * Program staff's pages: the streams of their own faculty, with their applicants and where each rank
 * order list stands, and each stream's rank order list editor, read-only outside its window.
 */
final class StaffPages {

    private final Services services;
    private final PageRenderer pages;

    StaffPages(Services services, PageRenderer pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/staff/streams", this::streams, Access.PROGRAM_STAFF);
        routes.get("/staff/streams/{streamId}", this::stream, Access.PROGRAM_STAFF);
        routes.post("/staff/streams/{streamId}/rank-list", this::editRankList, Access.PROGRAM_STAFF);
    }

    /** The stream of the path, if it belongs to the staff member's faculty (otherwise it does not exist for them). */
    private ProgramStream ownStream(Context ctx, String cycle) {
        String streamId = ctx.pathParam("streamId");
        ProgramStream stream = services.quotas().stream(cycle, streamId)
                .orElseThrow(() -> new org.residencymatch.NotFoundException("program stream", streamId));
        if (!stream.facultyId().equals(Authentication.requirePrincipal(ctx).facultyId())) {
            throw new org.residencymatch.NotFoundException("program stream", streamId);
        }
        return stream;
    }

    private String cycle() {
        return CurrentCycle.id(services);
    }

    private void stream(Context ctx) {
        String cycle = cycle();
        ProgramStream stream = ownStream(ctx, cycle);
        int iteration = ApiRoutes.iteration(ctx);
        var lists = services.rankLists().lists(cycle, iteration, org.residencymatch.application.RankListService.STREAM, stream.streamId());
        RankListEditor.Shown shown = RankListEditor.shown(ctx,
                lists.latest().map(l -> l.entries().stream().map(e -> e.item()).toList()).orElse(List.of()));
        List<String> order = shown.order();
        RankListEditor.noStore(ctx);
        List<String> applied = services.applications().applicantsOf(cycle, iteration, stream.streamId());
        Map<String, String> names = new java.util.HashMap<>();
        for (String id : applied) services.profiles().identity(id).ifPresent(i -> names.put(id, i.familyName() + ", " + i.givenNames()));
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("stream", stream);
        model.put("iteration", iteration);
        model.put("lists", lists);
        model.put("order", order.stream().filter(applied::contains).toList());
        model.put("unranked", applied.stream().filter(a -> !order.contains(a)).toList());
        model.put("names", names);
        model.put("matched", services.matchRuns().matchedTo(cycle, iteration, stream.streamId()));
        model.put("phase", PhaseBanner.of(services, cycle, iteration, org.residencymatch.cycle.CycleAction.EDIT_RANK_LIST));
        model.put("unsaved", shown.unsaved());
        model.put("moved", shown.moved());
        pages.render(ctx, "staff/stream.jte", "staff.stream.title", model);
    }

    private void editRankList(Context ctx) {
        String cycle = cycle();
        ProgramStream stream = ownStream(ctx, cycle);
        int iteration = ApiRoutes.iterationFromForm(ctx);
        String actor = Authentication.requirePrincipal(ctx).auditName();
        RankListEditor.handle(ctx, "/staff/streams/" + stream.streamId() + "?iteration=" + iteration,
                (order, submit) -> services.rankLists().saveStreamList(cycle, iteration, stream.streamId(), order, submit, actor));
    }

    /**
     * The faculty's streams with, for each, how many applied and where its rank order list stands
     * ({@link StreamRanking}); {@code ?show=action} keeps only the streams that need staff now.
     */
    private void streams(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        Cycle cycle = CurrentCycle.of(services);
        int iteration = ApiRoutes.iteration(ctx);
        Phase phase = cycle.phaseAt(iteration, LocalDateTime.now(services.clock())).orElse(null);
        List<ProgramStream> own = services.quotas().streams(cycle.id()).stream()
                .filter(s -> s.facultyId().equals(user.facultyId()))
                .toList();
        Map<String, Integer> applicants = services.applications().applicantCounts(cycle.id(), iteration);
        Map<String, StreamRanking.ListState> lists = services.rankLists().streamListStates(cycle.id(), iteration);
        List<StaffStreamRow> rows = own.stream().map(s -> {
            int applied = applicants.getOrDefault(s.streamId(), 0);
            return new StaffStreamRow(s, applied,
                    StreamRanking.decide(applied, lists.getOrDefault(s.streamId(), StreamRanking.ListState.NONE), phase));
        }).toList();
        boolean onlyAction = "action".equals(ctx.queryParam("show"));
        int positions = own.stream().mapToInt(ProgramStream::quota).sum();
        pages.render(ctx, "staff/streams.jte", "staff.title", Map.of("cycle", cycle.id(), "streams", own, "positions", positions,
                "rows", onlyAction ? rows.stream().filter(r -> r.decision().needsAction()).toList() : rows,
                "needingAction", (int) rows.stream().filter(r -> r.decision().needsAction()).count(),
                "onlyAction", onlyAction, "iteration", iteration));
    }
}
