package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.Map;
import org.residencymatch.NotFoundException;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.jobs.Job;

/**
 * The progress page of long work started from a page. While the work runs, htmx asks for the page
 * again every second and swaps in its progress, then follows the work to its result, or back to where
 * the person started with the reason it failed. Without JavaScript the page has a link to look again
 * (a timed meta refresh would fail WCAG 2.2.1). Only the person who started a job, or the operator, sees it.
 */
final class JobPages {

    private final Services services;
    private final PageRenderer pages;

    JobPages(Services services, PageRenderer pages) {
        this.services = services;
        this.pages = pages;
    }

    static String path(long jobId) {
        return "/jobs/" + jobId;
    }

    void register(RoutesConfig routes) {
        routes.get("/jobs/{id}", this::show, Access.PARTNER, Access.OPERATOR);
    }

    private void show(Context ctx) {
        long id = ApiRoutes.longPathParam(ctx, "id");
        Principal user = Authentication.requirePrincipal(ctx);
        // Someone else's job is answered as if it did not exist: its id says nothing.
        Job job = services.jobs().find(id).filter(j -> j.ownerAccount() == user.userId() || user.isOperator())
                .orElseThrow(() -> new NotFoundException("job", String.valueOf(id)));
        LocalDateTime now = LocalDateTime.now(services.clock());
        if (job.status() == Job.Status.DONE) {
            sendOn(ctx, job.resultPath());
        } else if (job.status() == Job.Status.FAILED && !"INTERNAL".equals(job.errorCode())) {
            sendOn(ctx, job.failurePath() + (job.failurePath().contains("?") ? "&" : "?") + "error=" + job.errorCode());
        } else {
            pages.render(ctx, "jobs/progress.jte", "job.title." + job.kind(), Map.of(
                    "job", job, "running", job.running(now), "interrupted", job.interrupted(now)));
        }
    }

    /** A redirect, which htmx (polling in the page) is told to follow with the whole page rather than swap in. */
    private static void sendOn(Context ctx, String path) {
        if (ctx.header("HX-Request") != null) ctx.header("HX-Redirect", path);
        else
            ctx.redirect(path);
    }
}
