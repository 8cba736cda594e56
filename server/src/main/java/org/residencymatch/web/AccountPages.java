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

    private static final String PAGE = "/operator/accounts";
    private static final String NEW_TOKEN_COOKIE = "rm_new_token";

    private final Accounts accounts;
    private final AccountAdministration administration;
    private final PageRenderer pages;

    AccountPages(Accounts accounts, AccountAdministration administration, PageRenderer pages) {
        this.accounts = accounts;
        this.administration = administration;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/operator/accounts", this::show, Access.OPERATOR);
        routes.post("/operator/accounts", this::create, Access.OPERATOR);
        routes.post("/operator/accounts/{userId}/tokens", this::issue, Access.OPERATOR);
        routes.post("/operator/tokens/{tokenId}/revoke", this::revoke, Access.OPERATOR);
    }

    /**
     * The page; after a token's issue, the token once, from the one-time cookie the issue set (and this
     * page clears): a refresh or Back shows the list without it, and never issues another.
     */
    private void show(Context ctx) {
        String issued = ctx.cookie(NEW_TOKEN_COOKIE);
        ctx.header("Cache-Control", "no-store");
        if (issued != null && issued.matches("[A-Za-z0-9_-]{20,200}")) {
            pages.clearOneTimeCookie(ctx, NEW_TOKEN_COOKIE, PAGE);
            render(ctx, issued, "");
            return;
        }
        render(ctx, null, "");
    }

    private void render(Context ctx, String newToken, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("tokenShownBefore", newToken == null && "1".equals(ctx.queryParam("issued")));
        var staff = accounts.staffAccounts();
        model.put("accounts", staff);
        model.put("tokens", accounts.tokens());
        // A token is listed under its owner's name, not a bare account number.
        Map<Long, String> owners = new HashMap<>();
        staff.forEach(a -> owners.put(a.id(), a.displayName()));
        model.put("owners", owners);
        model.put("newToken", newToken == null ? "" : newToken);
        model.put("error", error);
        pages.render(ctx, "operator/accounts.jte", "accounts.title", model);
    }

    private void create(Context ctx) {
        Role role = ApiRoutes.enumValue("role", String.valueOf(ctx.formParam("role")), Role.class);
        Accounts.NewAccount requested = new Accounts.NewAccount(ctx.formParam("email"), ctx.formParam("displayName"),
                ctx.formParam("password"),
                role, null, blankToNull(ctx.formParam("facultyId")), blankToNull(ctx.formParam("partnerBody")));
        String error;
        try {
            administration.create(requested, Authentication.requirePrincipal(ctx).auditName());
            ctx.redirect("/operator/accounts");
            return;
        } catch (AccountAdministration.AccountRefusedException e) {
            error = e.refusal().refusal().messageKey();
        } catch (ConflictException e) {
            error = "accounts.error.exists";
        }
        ctx.status(422);
        render(ctx, null, error);
    }

    private void issue(Context ctx) {
        String label = String.valueOf(ctx.formParam("label"));
        try {
            String token = administration
                    .issueToken(ApiRoutes.longPathParam(ctx, "userId"), label, Authentication.requirePrincipal(ctx).auditName()).token();
            // POST-redirect-GET: refreshing the page that shows the token must not post the form again.
            pages.setOneTimeCookie(ctx, NEW_TOKEN_COOKIE, token, PAGE, 300);
            ctx.redirect(PAGE + "?issued=1#new-token");
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
