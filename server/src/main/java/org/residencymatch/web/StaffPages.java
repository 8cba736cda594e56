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
    }

    private void streams(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        String cycle = services.cycles().currentCycleId().orElseThrow(() -> new ApiException(404, "NOT_FOUND", "no cycle exists yet"));
        List<ProgramStream> own = services.database().jdbi().withHandle(h -> services.programs().streams(h, cycle)).stream()
                .filter(s -> s.facultyId().equals(user.facultyId()))
                .toList();
        int positions = own.stream().mapToInt(ProgramStream::quota).sum();
        pages.render(ctx, "staff/streams.jte", "staff.title", Map.of("cycle", cycle, "streams", own, "positions", positions));
    }
}
