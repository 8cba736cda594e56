package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.lists.ListFileException;
import org.residencymatch.lists.ListProblem;
import org.residencymatch.lists.ListUploadService;
import org.residencymatch.applicant.Identity;
import org.residencymatch.lists.Preview;
import org.residencymatch.lists.UploadRow;

/**
 * The partner bodies' pages (the operator sees every list): upload a list, read its preview, review
 * the uncertain rows, commit; the history of versions with their raw files; revert (operator).
 */
final class PartnerPages {

    /** How many applicant ids the preview lists for those added or removed (a whole list adds 100,000). */
    private static final int IDS_SHOWN = 50;

    /** How many rows the preview page shows in full; the API pages through all of them. */
    static final int ROWS_SHOWN = 500;

    private final Services services;
    private final PageRenderer pages;
    private final UploadGate uploadGate;

    /** The page that takes a list file (its body may be as large as a list file; see BodyLimits). */
    static final String UPLOAD_ROUTE = "/partner/lists/{kind}/upload";

    PartnerPages(Services services, PageRenderer pages, UploadGate uploadGate) {
        this.services = services;
        this.pages = pages;
        this.uploadGate = uploadGate;
    }

    void register(RoutesConfig routes) {
        routes.get("/partner/lists", this::lists, Access.PARTNER, Access.OPERATOR);
        routes.post(UPLOAD_ROUTE, this::upload, Access.PARTNER, Access.OPERATOR);
        routes.get("/partner/lists/{kind}/uploads/{uploadId}", this::preview, Access.PARTNER, Access.OPERATOR);
        routes.post("/partner/lists/{kind}/uploads/{uploadId}/rows/{row}/review", this::review, Access.PARTNER, Access.OPERATOR);
        routes.post("/partner/lists/{kind}/uploads/{uploadId}/commit", this::commit, Access.PARTNER, Access.OPERATOR);
        routes.get("/partner/lists/{kind}/revert", this::revertPreview, Access.OPERATOR);
        routes.post("/partner/lists/{kind}/revert", this::revert, Access.OPERATOR);
    }

    private String cycle() {
        return CurrentCycle.id(services);
    }

    private ListKind kind(Context ctx, String attempt) {
        ListKind kind = ListAccess.kind(ctx.pathParam("kind"));
        ListAccess.require(services, Authentication.requirePrincipal(ctx), cycle(), kind, attempt);
        return kind;
    }

    private void lists(Context ctx) {
        renderLists(ctx, ctx.queryParam("notice"), null, List.of());
    }

    private void renderLists(Context ctx, String notice, ListKind refusedKind, List<ListProblem> problems) {
        String cycle = cycle();
        Principal user = Authentication.requirePrincipal(ctx);
        List<ListPanel> panels = new ArrayList<>();
        for (ListKind kind : ListAccess.kindsOf(user)) {
            panels.add(new ListPanel(kind, services.listVersions().history(cycle, kind), services.listUploads().drafts(cycle, kind)));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("cycle", cycle);
        model.put("panels", panels);
        model.put("notice", ListNotice.parse(notice));
        model.put("refusedKind", refusedKind == null ? "" : refusedKind.name());
        model.put("problems", problems);
        model.put("operator", user.isOperator());
        model.put("maxMegabytes", services.listUploads().maxBytes() / (1024 * 1024));
        model.put("resultsReleased", services.matchRuns().releasedRun(cycle, 1).isPresent());
        pages.render(ctx, "partner/lists.jte", "lists.title", model);
    }

    private void upload(Context ctx) throws Exception {
        ListKind kind = kind(ctx, "upload");
        uploadGate.run(ctx, () -> {
            readAndPreview(ctx, kind);
            return null;
        });
    }

    private void readAndPreview(Context ctx, ListKind kind) throws IOException {
        long maxBytes = services.listUploads().maxBytes();
        ListRoutes.Upload file = ListRoutes.Upload.from(ctx, maxBytes);
        try {
            if (file.content() == null)
                throw new ListFileException(ListProblem.ofFile("TOO_LARGE", String.valueOf(maxBytes / (1024 * 1024))));
            ListUploadService.UploadResult result = services.listUploads().upload(cycle(), kind, file.name(), file.content(),
                    file.dateOrder(),
                    Authentication.requirePrincipal(ctx).auditName());
            if (result.identicalToCurrent()) {
                ctx.redirect("/partner/lists?notice=identical-" + kind.name() + "-" + result.currentVersion());
            } else {
                ctx.redirect("/partner/lists/" + kind.name() + "/uploads/" + result.preview().uploadId());
            }
        } catch (ListFileException e) {
            ctx.status(400);
            renderLists(ctx, null, kind, e.problems());
        }
    }

    private long uploadId(Context ctx, ListKind kind) {
        long id = ApiRoutes.intPathParam(ctx, "uploadId");
        if (services.listUploads().kindOf(cycle(), id) != kind)
            throw new ApiException(404, "NOT_FOUND", "no upload " + id + " of the " + kind + " list");
        return id;
    }

    private void preview(Context ctx) {
        ListKind kind = kind(ctx, "preview");
        long id = uploadId(ctx, kind);
        services.listUploads().recordPreviewed(cycle(), id, Authentication.requirePrincipal(ctx).auditName());
        Preview preview = services.listUploads().preview(cycle(), id);
        List<UploadRow> rows = services.listUploads().rows(cycle(), id, null);
        Map<String, Object> model = new HashMap<>();
        List<UploadRow> awaiting = rows.stream().filter(UploadRow::awaitsReview).toList();
        // The reviewer compares the listed person with each candidate's registered identity; a candidate
        // is not removed yet, whatever the preview's difference says: that depends on the review.
        Map<String, Identity> candidates = new HashMap<>();
        Map<String, Integer> awaitingRowOf = new HashMap<>();
        for (UploadRow r : awaiting) {
            for (String c : r.candidates()) {
                candidates.computeIfAbsent(c, applicantId -> services.profiles().identity(applicantId).orElse(null));
                awaitingRowOf.putIfAbsent(c, r.row());
            }
        }
        // Changed details, old and new, with the member's registered name beside the id.
        var changesShown = preview.changes().subList(0, Math.min(IDS_SHOWN, preview.changes().size()));
        for (var change : changesShown) {
            candidates.computeIfAbsent(change.applicantId(), applicantId -> services.profiles().identity(applicantId).orElse(null));
        }
        model.put("changesShown", changesShown);
        model.put("preview", preview);
        model.put("awaiting", awaiting);
        model.put("candidates", candidates);
        model.put("awaitingRowOf", awaitingRowOf);
        List<String> addedShown = preview.added().subList(0, Math.min(IDS_SHOWN, preview.added().size()));
        List<String> removedShown = preview.removed().subList(0, Math.min(IDS_SHOWN, preview.removed().size()));
        model.put("addedShown", addedShown);
        model.put("removedShown", removedShown);
        // Who is added and removed, by name beside the id, as on the revert preview.
        List<String> named = new ArrayList<>(addedShown);
        named.addAll(removedShown);
        model.put("names", services.directory().names(named));
        model.put("rows", rows.subList(0, Math.min(rows.size(), ROWS_SHOWN)));
        model.put("error", ctx.queryParam("error") == null ? "" : ctx.queryParam("error"));
        pages.render(ctx, "partner/preview.jte", "lists.preview.title", model);
    }

    private void review(Context ctx) {
        ListKind kind = kind(ctx, "review");
        long id = uploadId(ctx, kind);
        int row = ApiRoutes.intPathParam(ctx, "row");
        boolean confirm = "CONFIRM".equals(ctx.formParam("decision"));
        try {
            services.listUploads().review(cycle(), id, row, confirm, ctx.formParam("applicantId"),
                    Authentication.requirePrincipal(ctx).auditName());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("applicantId", e.getMessage());
        }
        ctx.redirect("/partner/lists/" + kind.name() + "/uploads/" + id + "#review");
    }

    /** A whole list takes seconds to commit: it runs in the background, and the browser follows its progress page. */
    private void commit(Context ctx) {
        ListKind kind = kind(ctx, "commit");
        long id = uploadId(ctx, kind);
        String cycle = cycle();
        Principal user = Authentication.requirePrincipal(ctx);
        long job = services.jobs().start("list.commit", user.userId(), "/partner/lists/" + kind.name() + "/uploads/" + id, progress -> {
            int version = services.listVersions().commit(cycle, id, user.auditName(), progress);
            return "/partner/lists?notice=committed-" + kind.name() + "-" + version;
        });
        ctx.redirect(JobPages.path(job));
    }

    /** Before a revert is confirmed: who it puts back or takes off, and who gains or loses eligibility, in which provinces. */
    private void revertPreview(Context ctx) {
        ListKind kind = kind(ctx, "revert");
        int to = ApiRoutes.intParam(ctx, "toVersion", 0, 1, Integer.MAX_VALUE);
        org.residencymatch.lists.RevertPreview preview;
        try {
            preview = services.listVersions().previewRevert(cycle(), kind, to);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("toVersion", e.getMessage());
        }
        List<String> shown = new ArrayList<>();
        preview.shifts().forEach(shift -> shown.add(shift.applicantId()));
        preview.changes().forEach(change -> shown.add(change.applicantId()));
        shown.addAll(preview.added());
        shown.addAll(preview.removed());
        Map<String, Object> model = new HashMap<>();
        model.put("preview", preview);
        model.put("names", services.directory().names(shown));
        pages.render(ctx, "partner/revert.jte", "lists.revertPreview.title", model);
    }

    private void revert(Context ctx) {
        ListKind kind = kind(ctx, "revert");
        int to = ApiRoutes.intParamFromForm(ctx, "toVersion");
        try {
            int version = services.listVersions().revert(cycle(), kind, to, Authentication.requirePrincipal(ctx).auditName());
            ctx.redirect("/partner/lists?notice=reverted-" + kind.name() + "-" + version);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("toVersion", e.getMessage());
        }
    }
}
