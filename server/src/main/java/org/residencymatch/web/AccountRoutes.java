package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.residencymatch.account.AccountAdministration;
import org.residencymatch.account.Accounts;

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
        routes.get("/api/v1/tokens",
                ctx -> ctx.json(new AccountJson.ApiTokens(accounts.tokens().stream().map(AccountJson.ApiToken::of).toList())),
                Access.OPERATOR);
        routes.post("/api/v1/tokens/{tokenId}/revoke", this::revoke, Access.OPERATOR);
    }

    private void list(Context ctx) {
        ctx.json(new AccountJson.Accounts(accounts.staffAccounts().stream().map(AccountJson.Account::of).toList()));
    }

    private void create(Context ctx) {
        Accounts.NewAccount requested = ApiRequests.read(ctx, AccountJson.AccountRequest.class).toNewAccount();
        try {
            ctx.status(201)
                    .json(AccountJson.Account.of(administration.create(requested, Authentication.requirePrincipal(ctx).auditName())));
        } catch (AccountAdministration.AccountRefusedException e) {
            throw ApiException.refused(400, e.refusal().refusal(), e.refusal().field(), e.getMessage());
        }
    }

    private void issue(Context ctx) {
        String label = ApiRequests.read(ctx, AccountJson.ApiTokenRequest.class).label();
        AccountAdministration.IssuedToken issued;
        try {
            issued = administration.issueToken(ApiRoutes.longPathParam(ctx, "userId"), label,
                    Authentication.requirePrincipal(ctx).auditName());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("label", e.getMessage());
        }
        ctx.status(201).json(AccountJson.IssuedApiToken.of(issued.summary(), issued.token()));
    }

    private void revoke(Context ctx) {
        ctx.json(AccountJson.ApiToken.of(
                administration.revokeToken(ApiRoutes.longPathParam(ctx, "tokenId"), Authentication.requirePrincipal(ctx).auditName())));
    }
}
