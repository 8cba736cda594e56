package org.residencymatch.web;

import java.time.LocalDateTime;
import java.util.List;
import org.residencymatch.account.Role;

/** The JSON shapes of {@link AccountRoutes}, as records named after their schemas in {@code openapi.yaml}. */
final class AccountJson {

    private AccountJson() {
    }

    record Accounts(List<Account> accounts) {
    }

    record Account(long id, String email, String displayName, Role role, String facultyId, String partnerBody) {

        static Account of(org.residencymatch.account.Accounts.Summary a) {
            return new Account(a.id(), a.email(), a.displayName(), a.role(), a.facultyId(), a.partnerBody());
        }
    }

    /** A staff account to create; the role is read as {@link ApiRoutes#enumValue} reads enumerations (any case). */
    record AccountRequest(@ApiRequests.Mistyped("email must be a text") String email,
            @ApiRequests.Mistyped("displayName must be a text") String displayName,
            @ApiRequests.Mistyped("password must be a text") String password,
            @ApiRequests.Mistyped(ROLE_REQUIRED) String role,
            @ApiRequests.Mistyped("facultyId must be a text") String facultyId,
            @ApiRequests.Mistyped("partnerBody must be a text") String partnerBody) {

        static final String ROLE_REQUIRED = "role is required: PARTNER, PROGRAM_STAFF or OPERATOR";

        AccountRequest {
            if (role == null) throw ApiException.badRequest("role", ROLE_REQUIRED);
        }

        org.residencymatch.account.Accounts.NewAccount toNewAccount() {
            return new org.residencymatch.account.Accounts.NewAccount(email, displayName, password,
                    ApiRoutes.enumValue("role", role, Role.class), null, facultyId, partnerBody);
        }
    }

    record ApiTokenRequest(@ApiRequests.Mistyped("label must be a text") String label) {
    }

    record ApiTokens(List<ApiToken> tokens) {
    }

    record ApiToken(long id, long userId, String label, LocalDateTime createdAt, LocalDateTime revokedAt) {

        static ApiToken of(org.residencymatch.account.Accounts.TokenSummary t) {
            return new ApiToken(t.id(), t.userId(), t.label(), t.createdAt(), t.revokedAt());
        }
    }

    /** A token as issued: the only time its secret is shown. */
    record IssuedApiToken(long id, long userId, String label, LocalDateTime createdAt, LocalDateTime revokedAt, String token) {

        static IssuedApiToken of(org.residencymatch.account.Accounts.TokenSummary t, String token) {
            return new IssuedApiToken(t.id(), t.userId(), t.label(), t.createdAt(), t.revokedAt(), token);
        }
    }
}
