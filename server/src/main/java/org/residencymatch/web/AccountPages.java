package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.residencymatch.ConflictException;
import org.residencymatch.account.AccountAdministration;
import org.residencymatch.account.Accounts;
import org.residencymatch.account.Role;

/**
 * The operator's accounts page: creates partner-body, program-staff and operator accounts (applicants
 * register themselves), and issues and revokes API bearer tokens for machine clients. A new token is
 * shown once; only its hash is kept.
 */
final class AccountPages {

    private final Accounts accounts;
    private final AccountAdministration administration;
    private final PageRenderer pages;

    AccountPages(Accounts accounts, AccountAdministration administration, PageRenderer pages) {
        this.accounts = accounts;
        this.administration = administration;
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
        Role role = ApiRoutes.enumValue("role", String.valueOf(ctx.formParam("role")), Role.class);
        Accounts.NewAccount requested = new Accounts.NewAccount(ctx.formParam("email"), ctx.formParam("displayName"), ctx.formParam("password"),
                role, null, blankToNull(ctx.formParam("facultyId")), blankToNull(ctx.formParam("partnerBody")));
        String error;
        try {
            administration.create(requested, Authentication.requirePrincipal(ctx).auditName());
            ctx.redirect("/operator/accounts");
            return;
        } catch (AccountAdministration.AccountRefusedException e) {
            error = e.refusal().messageKey();
        } catch (ConflictException e) {
            error = "accounts.error.exists";
        }
        ctx.status(422);
        render(ctx, null, error);
    }

    private void issue(Context ctx) {
        String label = String.valueOf(ctx.formParam("label"));
        try {
            render(ctx, administration.issueToken(ApiRoutes.longPathParam(ctx, "userId"), label, Authentication.requirePrincipal(ctx).auditName()).token(), "");
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("label", e.getMessage());
        }
    }

    private void revoke(Context ctx) {
        administration.revokeToken(ApiRoutes.longPathParam(ctx, "tokenId"), Authentication.requirePrincipal(ctx).auditName());
        ctx.redirect("/operator/accounts");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
