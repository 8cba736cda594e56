package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.residencymatch.NotFoundException;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.application.Couple;
import org.residencymatch.application.RankList;
import org.residencymatch.application.RankListReceipt;
import org.residencymatch.application.RankListService;
import org.residencymatch.program.ProgramStream;

/**
 * Rank order list receipts: the printable confirmation of a submitted list for the one who submitted
 * it (an applicant, a couple's partner, a stream's program staff), and the operator's check of a
 * receipt code against the stored versions.
 */
final class ReceiptPages {

    private final Services services;
    private final PageRenderer pages;

    ReceiptPages(Services services, PageRenderer pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/applicant/rank-list/receipt", this::applicantReceipt, Access.APPLICANT);
        routes.get("/applicant/couple/{coupleId}/rank-list/receipt", this::coupleReceipt, Access.APPLICANT);
        routes.get("/staff/streams/{streamId}/rank-list/receipt", this::streamReceipt, Access.PROGRAM_STAFF);
        routes.get("/operator/receipts", this::check, Access.OPERATOR);
    }

    private void applicantReceipt(Context ctx) {
        String cycle = CurrentCycle.id(services);
        int iteration = ApiRoutes.iteration(ctx);
        String applicantId = Authentication.requirePrincipal(ctx).applicantId();
        render(ctx, cycle, iteration, submitted(ctx, cycle, iteration, RankListService.APPLICANT, applicantId), null);
    }

    private void coupleReceipt(Context ctx) {
        String cycle = CurrentCycle.id(services);
        Principal user = Authentication.requirePrincipal(ctx);
        Couple couple = services.couples().find(cycle, ApiRoutes.longPathParam(ctx, "coupleId"));
        if (!couple.includes(user.applicantId())) throw new NotFoundException("couple", ctx.pathParam("coupleId"));
        render(ctx, cycle, couple.iteration(),
                submitted(ctx, cycle, couple.iteration(), RankListService.COUPLE, String.valueOf(couple.id())), couple);
    }

    private void streamReceipt(Context ctx) {
        String cycle = CurrentCycle.id(services);
        String streamId = ctx.pathParam("streamId");
        // A stream of another faculty does not exist for this staff member.
        ProgramStream stream = services.quotas().streams(cycle).stream().filter(s -> s.streamId().equals(streamId)).findFirst()
                .filter(s -> s.facultyId().equals(Authentication.requirePrincipal(ctx).facultyId()))
                .orElseThrow(() -> new NotFoundException("program stream", streamId));
        int iteration = ApiRoutes.iteration(ctx);
        render(ctx, cycle, iteration, submitted(ctx, cycle, iteration, RankListService.STREAM, stream.streamId()), null);
    }

    /** The version asked for (the one in force when none is), if it was submitted: a draft has no receipt. */
    private RankList submitted(Context ctx, String cycle, int iteration, String kind, String owner) {
        Integer asked = ApiRoutes.intParam(ctx, "version", null, 1, Integer.MAX_VALUE);
        Optional<RankList> list = asked == null
                ? services.rankLists().lists(cycle, iteration, kind, owner).inForce()
                : services.rankLists().version(cycle, iteration, kind, owner, asked);
        return list.filter(RankList::submitted)
                .orElseThrow(() -> new NotFoundException("submitted rank order list", asked == null ? "in force" : "version " + asked));
    }

    private void render(Context ctx, String cycle, int iteration, RankList list, Couple couple) {
        pages.render(ctx, "receipt.jte", "receipt.title",
                Map.of("receipt", ReceiptView.of(services, cycle, iteration, list, couple, PageRenderer.language(ctx))));
    }

    /** The operator's check: a code and the list's owner; the answer names the version it matches, or says none does. */
    private void check(Context ctx) {
        String cycle = CurrentCycle.id(services);
        Map<String, Object> model = new HashMap<>();
        String kind = orEmpty(ctx.queryParam("ownerKind"));
        String owner = orEmpty(ctx.queryParam("ownerId")).strip();
        String typed = orEmpty(ctx.queryParam("code")).strip();
        int iteration = ApiRoutes.iteration(ctx);
        model.put("kinds", List.of(RankListService.APPLICANT, RankListService.COUPLE, RankListService.STREAM));
        model.put("ownerKind", kind.isEmpty() ? RankListService.APPLICANT : kind);
        model.put("ownerId", owner);
        model.put("code", typed);
        model.put("iteration", iteration);
        model.put("checked", false);
        model.put("receipt", null);
        if (!typed.isEmpty() || !owner.isEmpty()) {
            Check check = check(services, cycle, iteration, kind, owner, typed);
            model.put("checked", true);
            model.put("receipt", check.list().map(list -> ReceiptView.of(services, cycle, iteration, list,
                    kind.equals(RankListService.COUPLE) ? services.couples().find(cycle, Long.parseLong(owner)) : null,
                    PageRenderer.language(ctx))).orElse(null));
        }
        pages.render(ctx, "operator/receipt-check.jte", "receipt.check.title", model);
    }

    /** A checked code: the stored version it matches, if any. */
    record Check(String code, Optional<RankList> list) {
    }

    /** Checks a typed code against an owner's submitted versions; bad input is refused naming its field. */
    static Check check(Services services, String cycle, int iteration, String kind, String owner, String typed) {
        if (!List.of(RankListService.APPLICANT, RankListService.COUPLE, RankListService.STREAM).contains(kind)) {
            throw ApiException.badRequest("ownerKind", "ownerKind is APPLICANT, COUPLE or STREAM");
        }
        if (!ProfileRequest.APPLICANT_ID.matcher(owner).matches() || kind.equals(RankListService.COUPLE) && !owner.matches("[0-9]{1,18}")) {
            throw ApiException.badRequest("ownerId", "ownerId is an applicant id, a couple's number or a stream id");
        }
        String code = RankListReceipt.parse(typed)
                .orElseThrow(() -> ApiException.badRequest("code",
                        "a receipt code is " + RankListReceipt.LENGTH + " letters and digits, e.g. ABCDE-FGH23"));
        return new Check(code, services.rankLists().checkReceipt(cycle, iteration, kind, owner, code));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
