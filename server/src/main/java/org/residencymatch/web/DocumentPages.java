package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.residencymatch.ConflictException;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.applicant.DocumentCheck;
import org.residencymatch.applicant.DocumentService;
import org.residencymatch.eligibility.DocumentKind;

/**
 * The applicant's documents from their profile page: upload the proof of a fact beside it (the form's
 * {@code file} and {@code kind}), and withdraw one nobody has checked yet. A refused file is answered
 * with the profile page and the reason in the reader's language (400, or 413 above the limit).
 * Downloads go through the API's route, which the session's cookie opens ({@link DocumentRoutes}).
 */
final class DocumentPages {

    /** The page route that takes a document (its body may be as large as one; see BodyLimits). */
    static final String UPLOAD_ROUTE = "/applicant/documents";

    /** Why an upload from the page was refused: a message key and its argument. */
    record Refusal(String key, Object argument) {
    }

    private final Services services;
    private final PageRenderer pages;
    private final UploadGate uploadGate;

    DocumentPages(Services services, PageRenderer pages, UploadGate uploadGate) {
        this.services = services;
        this.pages = pages;
        this.uploadGate = uploadGate;
    }

    void register(RoutesConfig routes) {
        routes.post(UPLOAD_ROUTE, this::upload, Access.APPLICANT);
        routes.post("/applicant/documents/{documentId}/withdraw", this::withdraw, Access.APPLICANT);
    }

    private void upload(Context ctx) throws Exception {
        Principal user = Authentication.requirePrincipal(ctx);
        String cycle = CurrentCycle.id(services);
        uploadGate.run(ctx, () -> {
            DocumentRoutes.SentFile file = DocumentRoutes.SentFile.from(ctx);
            DocumentKind kind = null;
            for (DocumentKind k : services.documents().kindsAccepted(cycle).keySet()) if (k.name().equals(file.kind())) kind = k;
            if (kind == null) {
                refuse(ctx, 400, new Refusal("document.refused.KIND", null));
                return null;
            }
            try {
                services.documents().upload(cycle, user.applicantId(), kind, file.name(), file.content(), user.auditName());
            } catch (DocumentService.DocumentRefusedException e) {
                refuse(ctx, e.refusal() == DocumentCheck.Refusal.TOO_LARGE ? 413 : 400,
                        new Refusal("document.refused." + e.refusal().name(), DocumentCheck.MAX_BYTES / (1024 * 1024)));
                return null;
            } catch (ConflictException e) {
                if (!e.code().equals("TOO_MANY_DOCUMENTS")) throw e;
                refuse(ctx, 409, new Refusal("document.tooMany", DocumentService.MAX_PER_APPLICANT));
                return null;
            }
            ctx.redirect("/applicant/profile?uploaded=1#checks");
            return null;
        });
    }

    private void refuse(Context ctx, int status, Refusal refusal) {
        ctx.status(status);
        new ProfilePages(services, pages).render(ctx, null, List.of(), refusal);
    }

    private void withdraw(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        services.documents().withdraw(CurrentCycle.id(services), user.applicantId(), ApiRoutes.longPathParam(ctx, "documentId"),
                user.auditName());
        ctx.redirect("/applicant/profile?withdrawn=1#checks");
    }
}
