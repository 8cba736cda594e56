package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.program.ProgramStream;

/** Program staff's pages: the streams of their own faculty (the journey issue adds applicants and rank lists). */
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
        List<String> order = RankListEditor.shownOrder(ctx,
                lists.latest().map(l -> l.entries().stream().map(e -> e.item()).toList()).orElse(List.of()));
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
        model.put("phase", PhaseBanner.of(services, cycle, iteration, org.residencymatch.cycle.Phase.ROL_OPEN));
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

    private void streams(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        String cycle = cycle();
        List<ProgramStream> own = services.quotas().streams(cycle).stream()
                .filter(s -> s.facultyId().equals(user.facultyId()))
                .toList();
        int positions = own.stream().mapToInt(ProgramStream::quota).sum();
        pages.render(ctx, "staff/streams.jte", "staff.title", Map.of("cycle", cycle, "streams", own, "positions", positions));
    }
}
