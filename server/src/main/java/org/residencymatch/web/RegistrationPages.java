package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.residencymatch.account.Registration;

/** Registering as an applicant, confirming the email, and resetting a forgotten password. */
final class RegistrationPages {

    private final Registration registration;
    private final PageRenderer pages;
    private final Authentication authentication;

    private final Runnable requireOpen;

    /** @param requireOpen refuses a registration outside the current cycle's registration window ({@code CycleAction.REGISTER} in the phase table) */
    RegistrationPages(Registration registration, PageRenderer pages, Authentication authentication, Runnable requireOpen) {
        this.requireOpen = requireOpen;
        this.registration = registration;
        this.pages = pages;
        this.authentication = authentication;
    }

    void register(RoutesConfig routes) {
        routes.get("/register", ctx -> {
            requireOpen.run();
            showForm(ctx, List.of());
        }, Access.ANYONE);
        routes.post("/register", this::submit, Access.ANYONE);
        routes.get("/register/confirm", this::confirm, Access.ANYONE);
        routes.get("/password/forgot", ctx -> pages.render(ctx, "account/forgot.jte", "forgot.title", Map.of("sent", false)),
                Access.ANYONE);
        routes.post("/password/forgot", this::forgot, Access.ANYONE);
        routes.get("/password/reset", ctx -> showReset(ctx, ""), Access.ANYONE);
        routes.post("/password/reset", this::reset, Access.ANYONE);
    }

    private void showForm(Context ctx, List<Registration.Problem> problems) {
        pages.render(ctx, "account/register.jte", "register.title", Map.of("problems", problems,
                "email", value(ctx, "email"), "givenNames", value(ctx, "givenNames"), "familyName", value(ctx, "familyName"),
                "dateOfBirth", value(ctx, "dateOfBirth"), "done", false));
    }

    private void submit(Context ctx) {
        authentication.requireFormCsrf(ctx);
        requireOpen.run();
        String language = PageRenderer.language(ctx);
        var form = new Registration.Form(ctx.formParam("email"), ctx.formParam("password"), ctx.formParam("givenNames"),
                ctx.formParam("familyName"), ctx.formParam("dateOfBirth"), language);
        List<Registration.Problem> problems = Registration.check(form);
        if (!problems.isEmpty()) {
            ctx.status(422);
            showForm(ctx, problems);
            return;
        }
        registration.register(form);
        pages.render(ctx, "account/register.jte", "register.title", Map.of("problems", List.of(), "email", "", "givenNames", "",
                "familyName", "", "dateOfBirth", "", "done", true));
    }

    private void confirm(Context ctx) {
        boolean confirmed = registration.confirm(ctx.queryParam("token"));
        ctx.status(confirmed ? 200 : 400);
        pages.render(ctx, "account/message.jte", "register.title", Map.of("key", confirmed ? "register.confirmed" : "register.badToken"));
    }

    private void forgot(Context ctx) {
        authentication.requireFormCsrf(ctx);
        if (registration.requestReset(value(ctx, "email"), PageRenderer.language(ctx),
                Authentication.clientAddress(ctx)) == Registration.ResetRequest.TOO_MANY_FROM_ADDRESS) {
            ctx.status(429);
            pages.render(ctx, "account/message.jte", "forgot.title", Map.of("key", "forgot.throttled"));
            return;
        }
        // The same answer whether or not the address has an account (or has had its share of emails).
        pages.render(ctx, "account/forgot.jte", "forgot.title", Map.of("sent", true));
    }

    private void showReset(Context ctx, String error) {
        pages.render(ctx, "account/reset.jte", "reset.title", Map.of("token", value(ctx, "token"), "error", error));
    }

    private void reset(Context ctx) {
        authentication.requireFormCsrf(ctx);
        try {
            if (registration.reset(ctx.formParam("token"), ctx.formParam("password"))) {
                ctx.status(200);
                pages.render(ctx, "account/message.jte", "reset.title", Map.of("key", "reset.done"));
            } else {
                ctx.status(400);
                pages.render(ctx, "account/message.jte", "reset.title", Map.of("key", "register.badToken"));
            }
        } catch (IllegalArgumentException tooShort) {
            ctx.status(422);
            showReset(ctx, "register.error.password");
        }
    }

    private static String value(Context ctx, String field) {
        return Optional.ofNullable(ctx.formParam(field)).or(() -> Optional.ofNullable(ctx.queryParam(field))).orElse("");
    }
}
