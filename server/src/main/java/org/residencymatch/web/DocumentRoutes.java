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
import org.residencymatch.applicant.Document;
import org.residencymatch.applicant.DocumentCheck;
import org.residencymatch.applicant.DocumentService;
import org.residencymatch.applicant.FactVerificationService;
import org.residencymatch.applicant.FactVerificationService.FactDecision;
import org.residencymatch.account.Role;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.eligibility.DocumentKind;
import org.residencymatch.eligibility.Verifier;

/**
 * {@code /api/v1/cycles/{cycle}/applicants/{applicantId}/documents}: an applicant uploads the proof of a
 * fact (a PDF, JPEG or PNG of at most 10 MB, judged by its content), lists, downloads and withdraws their
 * documents; the operator lists and downloads them and accepts or refuses each one, which decides the
 * facts it proves ({@link DocumentService}). A document is only ever served as an attachment, to the
 * applicant, to the operator, and to the staff of the faculty that verifies the facts of its own student.
 */
final class DocumentRoutes {

    /** The route that takes a document (its body may be as large as one; see BodyLimits). */
    static final String UPLOAD_ROUTE = "/api/v1/cycles/{cycle}/applicants/{applicantId}/documents";
    private static final String DOCUMENT = UPLOAD_ROUTE + "/{documentId}";

    private final Services services;
    private final UploadGate uploadGate;

    DocumentRoutes(Services services, UploadGate uploadGate) {
        this.services = services;
        this.uploadGate = uploadGate;
    }

    void register(RoutesConfig routes) {
        routes.post(UPLOAD_ROUTE, this::upload, Access.APPLICANT);
        // Program staff reach only their own faculty's CMG students' documents, to verify what a faculty verifies.
        routes.get(UPLOAD_ROUTE, this::list, Access.APPLICANT, Access.OPERATOR, Access.PROGRAM_STAFF);
        routes.get(DOCUMENT + "/file", this::download, Access.APPLICANT, Access.OPERATOR, Access.PROGRAM_STAFF);
        routes.delete(DOCUMENT, this::withdraw, Access.APPLICANT);
        routes.post(DOCUMENT + "/decision", this::decide, Access.OPERATOR, Access.PROGRAM_STAFF);
    }

    private void upload(Context ctx) throws Exception {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        String cycle = ApiRoutes.requireCycle(services, ctx);
        // The language of a refusal: ?lang= (en or fr, anything else refused), else the client's Accept-Language, else the session's.
        ListRoutes.requestLanguage(ctx);
        String language = WebServer.readerLanguage(ctx);
        uploadGate.run(ctx, () -> {
            SentFile file = SentFile.from(ctx);
            DocumentKind kind = kind(services, cycle, file.kind());
            Document document;
            try {
                document = services.documents().upload(cycle, applicantId, kind, file.name(), file.content(),
                        Authentication.requirePrincipal(ctx).auditName());
            } catch (DocumentService.DocumentRefusedException e) {
                throw refused(language, e.refusal());
            }
            ctx.status(201).json(json(services, document));
            return null;
        });
    }

    private void list(Context ctx) {
        String cycle = ApiRoutes.requireCycle(services, ctx);
        String applicantId = ApiRoutes.verifiableApplicant(services, ctx);
        // The operator sees withdrawn documents too, for the audit; the applicant only those they keep.
        boolean operator = Authentication.requirePrincipal(ctx).isOperator();
        ctx.json(Map.of("cycle", cycle, "applicantId", applicantId, "maxDocuments", DocumentService.MAX_PER_APPLICANT,
                "documents", services.documents().list(cycle, applicantId, operator).stream().map(d -> json(services, d)).toList()));
    }

    private void download(Context ctx) {
        String cycle = ApiRoutes.requireCycle(services, ctx);
        String applicantId = ApiRoutes.verifiableApplicant(services, ctx);
        Principal user = Authentication.requirePrincipal(ctx);
        var file = services.documents().download(cycle, applicantId, ApiRoutes.longPathParam(ctx, "documentId"), user.isOperator(),
                user.auditName());
        send(ctx, file);
    }

    /** A document as a download: never shown inline, never sniffed into something else. */
    static void send(Context ctx, DocumentService.Download file) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.document().fileName() + "\"");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Checksum-SHA256", file.document().sha256());
        ctx.contentType(file.document().mediaType()).result(file.content());
    }

    private void withdraw(Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        String cycle = ApiRoutes.requireCycle(services, ctx);
        services.documents().withdraw(cycle, applicantId, ApiRoutes.longPathParam(ctx, "documentId"),
                Authentication.requirePrincipal(ctx).auditName());
        ctx.status(204);
    }

    /** The operator's decision, or a faculty's on its own student's document: the facts it proves that the one deciding verifies follow. */
    private void decide(Context ctx) {
        String cycle = ApiRoutes.requireCycle(services, ctx);
        String applicantId = ApiRoutes.verifiableApplicant(services, ctx);
        long id = ApiRoutes.longPathParam(ctx, "documentId");
        Map<?, ?> body = ApiRoutes.jsonObject(ctx);
        String decision = body.get("decision") instanceof String d ? d : "";
        LocalizedText refusal = switch (decision) {
            case "ACCEPTED" -> {
                if (body.get("reason") != null) throw ApiException.badRequest("reason", "an acceptance gives no reason");
                yield null;
            }
            case "REFUSED" -> FactDecisionRoute.reason(body.get("reason"));
            default -> throw ApiException.badRequest("decision", "decision must be ACCEPTED or REFUSED");
        };
        Principal user = Authentication.requirePrincipal(ctx);
        try {
            if (user.role() == Role.PROGRAM_STAFF) {
                services.facultyVerification().decideDocument(cycle, user.facultyId(), applicantId, id, refusal, user.auditName());
            } else {
                services.documents().decide(cycle, applicantId, id,
                        refusal == null
                                ? FactDecision.accepted(Verifier.OPERATOR, OPERATOR_NAME)
                                : FactDecision.refused(Verifier.OPERATOR, OPERATOR_NAME, refusal),
                        user.auditName());
            }
        } catch (FactVerificationService.NotAVerifierException e) {
            throw ApiException.badRequest("documentId", e.getMessage());
        }
        ctx.json(json(services, services.documents().find(cycle, applicantId, id)));
    }

    /** Who decided a document, as the applicant is shown it. */
    static final String OPERATOR_NAME = "the match operator";

    /** The kind sent, which must name a kind of document that proves something the operator verifies in the cycle. */
    static DocumentKind kind(Services services, String cycle, String sent) {
        if (sent == null || sent.isBlank())
            throw ApiException.badRequest("kind", "kind is required: one of " + services.documents().kindsAccepted(cycle).keySet());
        DocumentKind kind = ApiRoutes.enumValue("kind", sent, DocumentKind.class);
        if (!services.documents().kindsAccepted(cycle).containsKey(kind)) {
            throw ApiException.badRequest("kind", "cycle " + cycle + " verifies nothing from a " + kind + " document; kinds: "
                    + services.documents().kindsAccepted(cycle).keySet());
        }
        return kind;
    }

    /** A refused file: 413 when too large, else 400, with the reason in the reader's language. */
    static ApiException refused(String language, DocumentCheck.Refusal refusal) {
        String text = Messages.of(language).t("document.refused." + refusal.name(), DocumentCheck.MAX_BYTES / (1024 * 1024));
        return refusal == DocumentCheck.Refusal.TOO_LARGE
                ? new ApiException(413, "TOO_LARGE", text, "file")
                : new ApiException(400, "DOCUMENT_REFUSED", text, "file");
    }

    static Map<String, Object> json(Services services, Document d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", d.id());
        json.put("kind", d.kind().name());
        json.put("proves",
                services.documents().kindsAccepted(d.cycleId()).getOrDefault(d.kind(), List.of()).stream().map(Enum::name).toList());
        json.put("fileName", d.fileName());
        json.put("mediaType", d.mediaType());
        json.put("sizeBytes", d.sizeBytes());
        json.put("sha256", d.sha256());
        json.put("uploadedAt", d.uploadedAt());
        json.put("status", d.status());
        json.put("decidedAt", d.decidedAt());
        json.put("decidedBy", d.decidedBy());
        json.put("refusal", d.refusal() == null ? null : ApiJson.text(d.refusal()));
        json.put("withdrawnAt", d.deletedAt());
        json.put("file", "/api/v1/cycles/" + d.cycleId() + "/applicants/" + d.applicantId() + "/documents/" + d.id() + "/file");
        return json;
    }

    /**
     * A file as sent: the {@code file} part and {@code kind} field of a multipart form (a browser's, curl's),
     * or the raw body with {@code kind} and {@code fileName} in the query (the generated client's). Content
     * over the limit is not read: it is null.
     */
    record SentFile(String name, String kind, byte[] content) {
        static SentFile from(Context ctx) throws IOException {
            String contentType = ctx.contentType() == null ? "" : ctx.contentType();
            if (contentType.startsWith("multipart/form-data")) {
                UploadedFile part = ctx.uploadedFile("file");
                if (part == null) throw ApiException.badRequest("file", "send the document as the form's \"file\" part");
                String kind = ctx.formParam("kind") != null ? ctx.formParam("kind") : ctx.queryParam("kind");
                if (part.size() > DocumentCheck.MAX_BYTES) return new SentFile(part.filename(), kind, null);
                try (InputStream in = part.content()) {
                    return new SentFile(part.filename(), kind, in.readAllBytes());
                }
            }
            byte[] body;
            try (InputStream in = ctx.req().getInputStream()) {
                body = in.readNBytes((int) DocumentCheck.MAX_BYTES + 1);
            }
            return new SentFile(ctx.queryParam("fileName"), ctx.queryParam("kind"), body.length > DocumentCheck.MAX_BYTES ? null : body);
        }
    }
}
