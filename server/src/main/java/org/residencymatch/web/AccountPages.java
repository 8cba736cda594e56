package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.residencymatch.Services;
import org.residencymatch.account.Accounts;
import org.residencymatch.account.Registration;
import org.residencymatch.account.Role;
import org.residencymatch.lists.PartnerBody;

/**
 * The operator's accounts page: creates partner-body, program-staff and operator accounts (applicants
 * register themselves), and issues and revokes API bearer tokens for machine clients. A new token is
 * shown once; only its hash is kept.
 */
final class AccountPages {

    private final Services services;
    private final Accounts accounts;
    private final PageRenderer pages;

    AccountPages(Services services, Accounts accounts, PageRenderer pages) {
        this.services = services;
        this.accounts = accounts;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/operator/accounts", ctx -> render(ctx, null, ""), Access.OPERATOR);
        routes.post("/operator/accounts", this::create, Access.OPERATOR);
        routes.post("/operator/accounts/{userId}/tokens", this::issue, Access.OPERATOR);
        routes.post("/operator/tokens/{tokenId}/revoke", this::revoke, Access.OPERATOR);
    }

    private void render(Context ctx, String newToken, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("accounts", accounts.staffAccounts());
        model.put("tokens", accounts.tokens());
        model.put("newToken", newToken == null ? "" : newToken);
        model.put("error", error);
        pages.render(ctx, "operator/accounts.jte", "accounts.title", model);
    }

    private void create(Context ctx) {
        String email = String.valueOf(ctx.formParam("email")).strip();
        String name = String.valueOf(ctx.formParam("displayName")).strip();
        String password = String.valueOf(ctx.formParam("password"));
        Role role = ApiRoutes.enumValue("role", String.valueOf(ctx.formParam("role")), Role.class);
        String faculty = role == Role.PROGRAM_STAFF ? blankToNull(ctx.formParam("facultyId")) : null;
        String body = role == Role.PARTNER ? blankToNull(ctx.formParam("partnerBody")) : null;
        String error = "";
        if (role == Role.APPLICANT) error = "accounts.error.applicant";
        else if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) error = "register.error.email";
        else if (name.isEmpty()) error = "accounts.error.name";
        else if (password.length() < Registration.MIN_PASSWORD_LENGTH) error = "register.error.password";
        else if (role == Role.PARTNER && (body == null || PartnerBody.parse(body).isEmpty())) error = "accounts.error.partnerBody";
        else if (role == Role.PROGRAM_STAFF && (faculty == null || !facultyExists(faculty))) error = "accounts.error.faculty";
        if (error.isEmpty()) {
            String actor = Authentication.requirePrincipal(ctx).auditName();
            boolean created = services.database().jdbi().inTransaction(h -> {
                if (accounts.emailExists(h, email)) return false;
                long id = accounts.create(h, new Accounts.NewAccount(email, name, password, role, null, faculty, body));
                services.auditLog().record(h, actor, "account.created", "user:" + id, role.name());
                return true;
            });
            if (created) {
                ctx.redirect("/operator/accounts");
                return;
            }
            error = "accounts.error.exists";
        }
        ctx.status(422);
        render(ctx, null, error);
    }

    private void issue(Context ctx) {
        long userId = ApiRoutes.longPathParam(ctx, "userId");
        String label = String.valueOf(ctx.formParam("label")).strip();
        String actor = Authentication.requirePrincipal(ctx).auditName();
        String token = services.database().jdbi().inTransaction(h -> {
            if (accounts.find(h, userId).isEmpty()) throw new org.residencymatch.NotFoundException("account", String.valueOf(userId));
            String issued = accounts.issueApiToken(h, userId, label.isEmpty() ? "token" : label);
            services.auditLog().record(h, actor, "token.issued", "user:" + userId, null);
            return issued;
        });
        render(ctx, token, "");
    }

    private void revoke(Context ctx) {
        long tokenId = ApiRoutes.longPathParam(ctx, "tokenId");
        String actor = Authentication.requirePrincipal(ctx).auditName();
        services.database().jdbi().useTransaction(h -> {
            if (accounts.revokeApiToken(h, tokenId)) services.auditLog().record(h, actor, "token.revoked", "token:" + tokenId, null);
        });
        ctx.redirect("/operator/accounts");
    }

    private boolean facultyExists(String faculty) {
        return services.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM faculty WHERE id = :f").bind("f", faculty)
                .mapTo(Integer.class).one() > 0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
