package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.account.Registration;

/**
 * {@code /api/v1/registrations}: an applicant registers themselves and confirms their email with the
 * token of the emailed link, through the same {@link Registration} as the pages, with the same checks.
 * Like the page, the answer to a registration is the same whether or not the email has an account
 * (its owner is emailed instead), so the API cannot be used to find out who is registered. After
 * confirming, the applicant signs in with {@code POST /api/v1/session}.
 */
final class RegistrationRoutes {

    private final Registration registration;
    private final Runnable requireOpen;

    /** @param requireOpen refuses a registration outside the current cycle's registration window ({@code CycleAction.REGISTER} in the phase table) */
    RegistrationRoutes(Registration registration, Runnable requireOpen) {
        this.registration = registration;
        this.requireOpen = requireOpen;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/registrations", this::register, Access.ANYONE);
        routes.post("/api/v1/registrations/confirmation", this::confirm, Access.ANYONE);
    }

    private void register(Context ctx) {
        requireOpen.run();
        Map<?, ?> body = ApiRoutes.jsonObject(ctx);
        String language = text(body, "language");
        var form = new Registration.Form(text(body, "email"), text(body, "password"), text(body, "givenNames"), text(body, "familyName"),
                text(body, "dateOfBirth"), Messages.isSupported(language) ? language : PageRenderer.preferredLanguage(ctx));
        List<Registration.Problem> problems = Registration.check(form);
        if (!problems.isEmpty()) {
            throw ApiException.problems("INVALID_FIELD", problems.stream().map(p -> new ApiException.Problem(p.field(), p.key())).toList());
        }
        registration.register(form);
        ctx.status(202).json(outcome("register.sent"));
    }

    private void confirm(Context ctx) {
        if (!registration.confirm(text(ApiRoutes.jsonObject(ctx), "token"))) {
            throw ApiException.problems("INVALID_TOKEN", List.of(new ApiException.Problem("token", "register.badToken")));
        }
        ctx.json(outcome("register.confirmed"));
    }

    /** What happened, in both languages, as the page would say it. */
    private static Map<String, Object> outcome(String key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("message", ApiJson.text(Messages.of("en").t(key), Messages.of("fr").t(key)));
        return json;
    }

    /** A text field, or null when absent or not a text (the checks then name the field). */
    private static String text(Map<?, ?> body, String field) {
        return body.get(field) instanceof String value ? value : null;
    }
}
