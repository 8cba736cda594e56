package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.residencymatch.account.AccountAdministration;
import org.residencymatch.account.Accounts;
import org.residencymatch.account.Role;

/**
 * {@code /api/v1/accounts} and {@code /api/v1/tokens}: the operator creates partner-body, program-staff
 * and operator accounts, and issues and revokes bearer tokens, through the same service as the
 * accounts page. A new token is in the answer to its issue and nowhere else.
 */
final class AccountRoutes {

    private final Accounts accounts;
    private final AccountAdministration administration;

    AccountRoutes(Accounts accounts, AccountAdministration administration) {
        this.accounts = accounts;
        this.administration = administration;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/accounts", this::list, Access.OPERATOR);
        routes.post("/api/v1/accounts", this::create, Access.OPERATOR);
        routes.post("/api/v1/accounts/{userId}/tokens", this::issue, Access.OPERATOR);
        routes.get("/api/v1/tokens", ctx -> ctx.json(Map.of("tokens", accounts.tokens().stream().map(AccountRoutes::token).toList())),
                Access.OPERATOR);
        routes.post("/api/v1/tokens/{tokenId}/revoke", this::revoke, Access.OPERATOR);
    }

    private void list(Context ctx) {
        ctx.json(Map.of("accounts", accounts.staffAccounts().stream().map(AccountRoutes::account).toList()));
    }

    private void create(Context ctx) {
        Map<?, ?> body = ApiRoutes.jsonObject(ctx);
        Object role = body.get("role");
        if (!(role instanceof String roleName))
            throw ApiException.badRequest("role", "role is required: PARTNER, PROGRAM_STAFF or OPERATOR");
        Accounts.NewAccount requested = new Accounts.NewAccount(text(body, "email"), text(body, "displayName"), text(body, "password"),
                ApiRoutes.enumValue("role", roleName, Role.class), null, text(body, "facultyId"), text(body, "partnerBody"));
        try {
            ctx.status(201).json(account(administration.create(requested, Authentication.requirePrincipal(ctx).auditName())));
        } catch (AccountAdministration.AccountRefusedException e) {
            throw ApiException.refused(400, e.refusal().refusal(), e.refusal().field(), e.getMessage());
        }
    }

    private void issue(Context ctx) {
        Object label = ApiRoutes.jsonObject(ctx).get("label");
        if (label != null && !(label instanceof String)) throw ApiException.badRequest("label", "label must be a text");
        AccountAdministration.IssuedToken issued;
        try {
            issued = administration.issueToken(ApiRoutes.longPathParam(ctx, "userId"), (String) label,
                    Authentication.requirePrincipal(ctx).auditName());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("label", e.getMessage());
        }
        Map<String, Object> json = token(issued.summary());
        json.put("token", issued.token());
        ctx.status(201).json(json);
    }

    private void revoke(Context ctx) {
        ctx.json(token(
                administration.revokeToken(ApiRoutes.longPathParam(ctx, "tokenId"), Authentication.requirePrincipal(ctx).auditName())));
    }

    /** A text field, or null when absent; anything but a text is a 400 naming the field. */
    private static String text(Map<?, ?> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) throw ApiException.badRequest(field, field + " must be a text");
        return (String) value;
    }

    private static Map<String, Object> account(Accounts.Summary a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("email", a.email());
        json.put("displayName", a.displayName());
        json.put("role", a.role());
        json.put("facultyId", a.facultyId());
        json.put("partnerBody", a.partnerBody());
        return json;
    }

    private static Map<String, Object> token(Accounts.TokenSummary t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id());
        json.put("userId", t.userId());
        json.put("label", t.label());
        json.put("createdAt", t.createdAt());
        json.put("revokedAt", t.revokedAt());
        return json;
    }
}
