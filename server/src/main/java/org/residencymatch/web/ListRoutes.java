package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.lists.DateOrder;
import org.residencymatch.lists.DateOrderPolicy;
import org.residencymatch.lists.ListColumn;
import org.residencymatch.lists.ListFileException;
import org.residencymatch.lists.ListProblem;
import org.residencymatch.lists.ListUploadService;
import org.residencymatch.lists.ListVersionInfo;
import org.residencymatch.lists.MatchOutcome;
import org.residencymatch.lists.Preview;
import org.residencymatch.lists.UploadRow;
import org.residencymatch.tabular.CsvExport;
import org.residencymatch.tabular.XlsxExport;

/**
 * {@code /api/v1/cycles/{cycle}/lists/{kind}/...}: upload a partner list, see its preview and rows,
 * review the uncertain rows, commit, revert, read the history and download the raw files.
 */
final class ListRoutes {

    private final Services services;
    private final UploadGate uploadGate;

    ListRoutes(Services services, UploadGate uploadGate) {
        this.services = services;
        this.uploadGate = uploadGate;
    }

    void register(RoutesConfig routes) {
        String list = "/api/v1/cycles/{cycle}/lists/{kind}";
        routes.post(UPLOAD_ROUTE, this::upload, Access.PARTNER, Access.OPERATOR);
        routes.get(list + "/uploads", this::uploads, Access.PARTNER, Access.OPERATOR);
        routes.get(list + "/uploads/{uploadId}", this::preview, Access.PARTNER, Access.OPERATOR);
        routes.get(list + "/uploads/{uploadId}/rows", this::rows, Access.PARTNER, Access.OPERATOR);
        routes.post(list + "/uploads/{uploadId}/rows/{row}/review", this::review, Access.PARTNER, Access.OPERATOR);
        routes.post(list + "/uploads/{uploadId}/commit", this::commit, Access.PARTNER, Access.OPERATOR);
        routes.get(list + "/uploads/{uploadId}/file", this::rawFile, Access.PARTNER, Access.OPERATOR);
        routes.get(list + "/versions", this::versions, Access.PARTNER, Access.OPERATOR);
        routes.get(list + "/versions/{version}/members.csv", this::membersCsv, Access.PARTNER, Access.OPERATOR);
        routes.post(list + "/revert", this::revert, Access.OPERATOR);
        routes.get(list + "/template.csv", this::template, Access.PARTNER, Access.OPERATOR);
        routes.get(list + "/template.xlsx", this::templateXlsx, Access.PARTNER, Access.OPERATOR);
    }

    /** The cycle and kind of the path, checked to exist and to be the caller's to work on. */
    private ListKind allowedKind(Context ctx, String attempt) {
        String cycle = ctx.pathParam("cycle");
        if (!services.cycles().exists(cycle)) throw new ApiException(404, "NOT_FOUND", "no cycle \"" + cycle + "\"");
        ListKind kind = ListAccess.kind(ctx.pathParam("kind"));
        ListAccess.require(services, Authentication.requirePrincipal(ctx), cycle, kind, attempt);
        return kind;
    }

    /** The upload of the path, which must be of the path's list kind (so a partner never reaches another body's upload). */
    private long uploadId(Context ctx, ListKind kind) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("uploadId"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("uploadId", "an upload id is a number");
        }
        if (services.listUploads().kindOf(ctx.pathParam("cycle"), id) != kind) {
            throw new ApiException(404, "NOT_FOUND", "no upload " + id + " of the " + kind + " list");
        }
        return id;
    }

    /** The list path that takes a file (its body may be as large as a list file; see BodyLimits). */
    static final String UPLOAD_ROUTE = "/api/v1/cycles/{cycle}/lists/{kind}/uploads";

    private void upload(Context ctx) throws Exception {
        ListKind kind = allowedKind(ctx, "upload");
        uploadGate.run(ctx, () -> {
            readAndPreview(ctx, kind);
            return null;
        });
    }

    private void readAndPreview(Context ctx, ListKind kind) throws IOException {
        long maxBytes = services.listUploads().maxBytes();
        Upload file = Upload.from(ctx, maxBytes);
        Principal user = Authentication.requirePrincipal(ctx);
        try {
            if (file.content() == null)
                throw new ListFileException(ListProblem.ofFile("TOO_LARGE", String.valueOf(maxBytes / (1024 * 1024))));
            ListUploadService.UploadResult result = services.listUploads().upload(ctx.pathParam("cycle"), kind, file.name(), file.content(),
                    file.dateOrder(), user.auditName());
            if (result.identicalToCurrent()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("identicalToCurrent", true);
                body.put("currentVersion", result.currentVersion());
                body.put("message",
                        "this file is identical to the current version " + result.currentVersion() + " of the list; nothing changed");
                ctx.status(200).json(body);
            } else {
                ctx.status(201).json(preview(result.preview()));
            }
        } catch (ListFileException e) {
            ctx.status(400).json(problems(e, Messages.of(requestLanguage(ctx)), file.name()));
        }
    }

    private void uploads(Context ctx) {
        ListKind kind = allowedKind(ctx, "list uploads");
        ctx.json(
                Map.of("uploads", services.listUploads().uploads(ctx.pathParam("cycle"), kind).stream().map(ListRoutes::preview).toList()));
    }

    private void preview(Context ctx) {
        ListKind kind = allowedKind(ctx, "preview");
        long id = uploadId(ctx, kind);
        services.listUploads().recordPreviewed(ctx.pathParam("cycle"), id, Authentication.requirePrincipal(ctx).auditName());
        ctx.json(preview(services.listUploads().preview(ctx.pathParam("cycle"), id)));
    }

    private void rows(Context ctx) {
        ListKind kind = allowedKind(ctx, "read rows");
        MatchOutcome outcome = ApiRoutes.enumParam(ctx, "outcome", MatchOutcome.class);
        List<UploadRow> rows = services.listUploads().rows(ctx.pathParam("cycle"), uploadId(ctx, kind), outcome);
        int page = ApiRoutes.intParam(ctx, "page", 1, 1, ApiRoutes.MAX_PAGE);
        int pageSize = ApiRoutes.intParam(ctx, "pageSize", 100, 1, ApiRoutes.MAX_PAGE_SIZE);
        int from = Math.min(rows.size(), (page - 1) * pageSize), to = Math.min(rows.size(), from + pageSize);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", rows.size());
        body.put("page", page);
        body.put("pageSize", pageSize);
        body.put("rows", rows.subList(from, to).stream().map(ListRoutes::row).toList());
        ctx.json(body);
    }

    private void review(Context ctx) {
        ListKind kind = allowedKind(ctx, "review");
        long id = uploadId(ctx, kind);
        int row = ApiRoutes.intPathParam(ctx, "row");
        Map<?, ?> body = ApiRoutes.jsonObject(ctx);
        Object decision = body.get("decision");
        if (!"CONFIRM".equals(decision) && !"REJECT".equals(decision))
            throw ApiException.badRequest("decision", "decision must be CONFIRM or REJECT");
        Object applicant = body.get("applicantId");
        if (applicant != null && !(applicant instanceof String))
            throw ApiException.badRequest("applicantId", "applicantId must be a string");
        try {
            services.listUploads().review(ctx.pathParam("cycle"), id, row, "CONFIRM".equals(decision), (String) applicant,
                    Authentication.requirePrincipal(ctx).auditName());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("applicantId", e.getMessage());
        }
        ctx.json(preview(services.listUploads().preview(ctx.pathParam("cycle"), id)));
    }

    private void commit(Context ctx) {
        ListKind kind = allowedKind(ctx, "commit");
        long id = uploadId(ctx, kind);
        int version = services.listVersions().commit(ctx.pathParam("cycle"), id, Authentication.requirePrincipal(ctx).auditName());
        ctx.json(Map.of("kind", kind.name(), "version", version, "uploadId", id));
    }

    private void revert(Context ctx) {
        ListKind kind = allowedKind(ctx, "revert");
        Object to = ApiRoutes.jsonObject(ctx).get("toVersion");
        if (!(to instanceof Integer version)) throw ApiException.badRequest("toVersion", "toVersion must be a version number");
        try {
            int now = services.listVersions().revert(ctx.pathParam("cycle"), kind, version,
                    Authentication.requirePrincipal(ctx).auditName());
            ctx.json(Map.of("kind", kind.name(), "version", now, "revertedTo", version));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("toVersion", e.getMessage());
        }
    }

    private void versions(Context ctx) {
        ListKind kind = allowedKind(ctx, "read history");
        ctx.json(Map.of("kind", kind.name(), "versions",
                services.listVersions().history(ctx.pathParam("cycle"), kind).stream().map(ListRoutes::version).toList()));
    }

    /** A version's members with their identity keys, as CSV that is safe to open in a spreadsheet. */
    private void membersCsv(Context ctx) {
        ListKind kind = allowedKind(ctx, "export members");
        int version = ApiRoutes.intPathParam(ctx, "version");
        String csv = CsvExport.document(CsvExport.COMMA,
                List.of("Applicant ID", "MINC", "Family name", "Given names", "Date of birth", "MMI score", "Contingent",
                        "Assessment outcome"),
                services.listVersions().membersWithIdentity(ctx.pathParam("cycle"), kind, version));
        ctx.header("Content-Disposition", "attachment; filename=\"" + kind.name().toLowerCase() + "-v" + version + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv);
    }

    private void rawFile(Context ctx) {
        ListKind kind = allowedKind(ctx, "download");
        var file = services.listUploads().rawFile(ctx.pathParam("cycle"), uploadId(ctx, kind));
        // The stored name is never used as a path; it is only offered, sanitised, as the download's name.
        String safeName = file.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        ctx.header("Content-Disposition", "attachment; filename=\"" + safeName + "\"");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("application/octet-stream").result(file.content());
    }

    /**
     * The list kind's columns as a CSV header, in the reader's language: in French with French headers
     * and ";" between them, as French Excel writes and opens CSV files (it puts a ","-separated file in
     * one column). Either header is read back (ListColumn knows both).
     */
    private void template(Context ctx) {
        ListKind kind = allowedKind(ctx, "download template");
        Messages messages = Messages.of(requestLanguage(ctx));
        char separator = messages.language().equals("fr") ? CsvExport.SEMICOLON : CsvExport.COMMA;
        List<String> header = ListColumn.of(kind).stream().map(c -> messages.t("listColumn." + c.name())).toList();
        ctx.header("Content-Disposition", "attachment; filename=\"" + kind.name().toLowerCase() + "-list-template.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(CsvExport.document(separator, header, List.of(exampleRow(kind, messages))));
    }

    /** The same columns as an Excel workbook (.xlsx), for partners who keep their list in Excel rather than export CSV. */
    private void templateXlsx(Context ctx) {
        ListKind kind = allowedKind(ctx, "download template");
        Messages messages = Messages.of(requestLanguage(ctx));
        List<String> header = ListColumn.of(kind).stream().map(c -> messages.t("listColumn." + c.name())).toList();
        ctx.header("Content-Disposition", "attachment; filename=\"" + kind.name().toLowerCase() + "-list-template.xlsx\"");
        ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .result(XlsxExport.document(kind.name(), header, List.of(exampleRow(kind, messages))));
    }

    /** The template's example row, marked as such (ListFileReader refuses a file that still has it, naming the row). */
    static List<String> exampleRow(ListKind kind, Messages messages) {
        return ListColumn.of(kind).stream().map(c -> messages.t("listTemplate.example." + c.name())).toList();
    }

    /**
     * The uploaded file: the raw body (named by {@code ?fileName=}), or the "file" part of a multipart
     * form. {@code content} is null when the file is over the size limit. {@code dateOrder}, how the
     * uploader says dates such as 03/04/1990 are written (the form's or the query's {@code dateOrder}),
     * is null when they did not say.
     */
    record Upload(String name, byte[] content, DateOrder dateOrder) {
        static Upload from(Context ctx, long maxBytes) throws IOException {
            String contentType = ctx.contentType() == null ? "" : ctx.contentType();
            if (contentType.startsWith("multipart/form-data")) {
                UploadedFile part = ctx.uploadedFile("file");
                if (part == null) throw ApiException.badRequest("file", "send the list as the form's \"file\" part");
                String said = ctx.formParam("dateOrder");
                DateOrder order = dateOrder(said != null ? said : ctx.queryParam("dateOrder"));
                if (part.size() > maxBytes) return new Upload(part.filename(), null, order);
                try (InputStream in = part.content()) {
                    return new Upload(part.filename(), in.readAllBytes(), order);
                }
            }
            DateOrder order = dateOrder(ctx.queryParam("dateOrder"));
            String name = ctx.queryParam("fileName");
            if (name == null || name.isBlank()) name = "upload" + (contentType.contains("sheet") ? ".xlsx" : ".csv");
            byte[] body = ctx.bodyAsBytes();
            return new Upload(name, body.length > maxBytes ? null : body, order);
        }

        private static DateOrder dateOrder(String text) {
            try {
                return DateOrder.parse(text).orElse(null);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("dateOrder", e.getMessage());
            }
        }
    }

    static Map<String, Object> problems(ListFileException e, Messages m, String fileName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "LIST_REFUSED");
        body.put("message", m.t("lists.refused", fileName, e.problems().size()));
        body.put("problems", e.problems().stream().map(p -> problem(p, m)).toList());
        return body;
    }

    static Map<String, Object> problem(ListProblem p, Messages m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("row", p.row());
        json.put("column", p.column());
        json.put("code", p.code());
        json.put("message", m.t("listProblem." + p.code(), p.args().toArray()));
        return json;
    }

    static Map<String, Object> preview(Preview p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("uploadId", p.uploadId());
        json.put("cycle", p.cycleId());
        json.put("kind", p.kind().name());
        json.put("status", p.status());
        json.put("fileName", p.fileName());
        json.put("contentHash", p.contentHash());
        json.put("encoding", p.encoding());
        json.put("uploadedBy", p.uploadedBy());
        json.put("uploadedAt", p.uploadedAt());
        json.put("basedOnVersion", p.basedOnVersion());
        json.put("currentVersion", p.currentVersion());
        json.put("rows", p.rows());
        json.put("outcomes", p.outcomes());
        json.put("awaitingReview", p.awaitingReview());
        json.put("added", p.added());
        json.put("removed", p.removed());
        json.put("changed", p.changed());
        json.put("catalogueChanges", p.catalogueChanges());
        json.put("dateOrder", dateOrder(p.dateOrder()));
        return json;
    }

    /** How dates such as 03/04/1990 were read and why; null for uploads from before this was kept. */
    static Map<String, Object> dateOrder(DateOrderPolicy.Decision d) {
        if (d == null) return null;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("order", d.order() == null ? null : d.order().name());
        json.put("reason", d.reason().name());
        json.put("evidenceRow", d.reason() == DateOrderPolicy.Reason.FILE ? d.evidenceRow() : null);
        return json;
    }

    static Map<String, Object> row(UploadRow r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("row", r.row());
        json.put("outcome", r.outcome().name());
        json.put("applicantId", r.applicantId());
        json.put("candidates", r.candidates());
        json.put("explanation", r.explanation());
        json.put("familyName", r.familyName());
        json.put("givenNames", r.givenNames());
        json.put("dateOfBirth", r.dateOfBirth());
        json.put("minc", r.minc());
        json.put("mccCandidateCode", r.mccCandidateCode());
        json.put("givenApplicantId", r.givenApplicantId());
        json.put("contingent", r.contingent() == null ? null : r.contingent().name());
        json.put("mmiScore", r.mmiScore());
        json.put("assessmentOutcome", r.assessmentOutcome());
        json.put("review", r.review().name());
        json.put("reviewedApplicantId", r.reviewedApplicantId());
        json.put("awaitsReview", r.awaitsReview());
        return json;
    }

    static Map<String, Object> version(ListVersionInfo v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", v.version());
        json.put("committedAt", v.committedAt());
        json.put("committedBy", v.committedBy());
        json.put("source", v.source());
        json.put("contentHash", v.contentHash());
        json.put("uploadId", v.uploadId());
        json.put("revertedTo", v.revertedTo());
        json.put("members", v.members());
        return json;
    }

    /** The language of an API answer: ?lang= (en or fr, anything else refused), else the browser's preference. */
    static String requestLanguage(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked == null) return PageRenderer.preferredLanguage(ctx);
        if (!Messages.isSupported(asked)) throw ApiException.badRequest("lang", "lang is \"en\" or \"fr\", not \"" + asked + "\"");
        return asked;
    }

}
