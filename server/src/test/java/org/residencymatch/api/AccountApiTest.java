package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.api.DemoApiServer.failure;
import static org.residencymatch.api.DemoApiServer.invalidField;
import static org.residencymatch.api.DemoApiServer.notFound;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.api.client.ApiException;
import org.residencymatch.api.client.api.AccountsApi;
import org.residencymatch.api.client.api.FollowUpsApi;
import org.residencymatch.api.client.api.ListsApi;
import org.residencymatch.api.client.model.Account;
import org.residencymatch.api.client.model.AccountRequest;
import org.residencymatch.api.client.model.AccountRole;
import org.residencymatch.api.client.model.ApiError;
import org.residencymatch.api.client.model.ApiToken;
import org.residencymatch.api.client.model.ApiTokenRequest;
import org.residencymatch.api.client.model.IssuedApiToken;
import org.residencymatch.api.client.model.ListKind;
import org.residencymatch.store.DatabaseTest;

/**
 * Accounts and bearer tokens through the API: the operator creates partner, program staff and
 * operator accounts (never applicants'), issues a token that then works with the account's role,
 * and revokes it, after which it is refused; nobody else may do any of it.
 */
@DatabaseTest
class AccountApiTest {

    static DemoApiServer demo;
    static AccountsApi operator;

    @BeforeAll
    static void start() {
        demo = DemoApiServer.start();
        operator = new AccountsApi(demo.operator());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static AccountRequest account(String email, AccountRole role) {
        return new AccountRequest().email(email).displayName("Someone at " + email).password("a long enough password").role(role);
    }

    private static long auditRows(String action) {
        return demo.services().database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = :a")
                .bind("a", action).mapTo(Long.class).one());
    }

    @Test
    void theOperatorCreatesAPartnerAccountIssuesItATokenThatWorksAndRevokesIt() throws ApiException {
        long created = auditRows("account.created");
        Account aimg = operator.createAccount(account("Data@AIMG.example", AccountRole.PARTNER).partnerBody("AIMG").facultyId("UBC"));
        assertThat(aimg.getEmail()).isEqualTo("data@aimg.example");
        assertThat(aimg.getRole()).isEqualTo(AccountRole.PARTNER);
        assertThat(aimg.getPartnerBody()).isEqualTo("AIMG");
        assertThat(aimg.getFacultyId()).as("a partner account has no faculty").isNull();
        assertThat(auditRows("account.created")).isEqualTo(created + 1);
        assertThat(operator.listAccounts().getAccounts()).contains(aimg).extracting(Account::getRole).doesNotContain(AccountRole.APPLICANT);

        IssuedApiToken issued = operator.issueApiToken(aimg.getId(), new ApiTokenRequest().label("nightly upload"));
        assertThat(issued.getToken()).hasSizeGreaterThan(40);
        assertThat(issued.getLabel()).isEqualTo("nightly upload");
        assertThat(issued.getRevokedAt()).isNull();
        ApiToken listed = operator.listApiTokens().getTokens().stream().filter(t -> t.getId().equals(issued.getId())).findFirst()
                .orElseThrow();
        assertThat(listed.getUserId()).isEqualTo(aimg.getId());
        assertThat(listed.getCreatedAt()).isEqualTo(issued.getCreatedAt());

        // The token acts with the account's role and scope: the AIMG list, not BCI's.
        ListsApi machine = new ListsApi(demo.bearer(issued.getToken()));
        assertThat(machine.listVersions(DemoApiServer.CYCLE, ListKind.AIMG).getVersions()).isNotEmpty();
        assertThat(failure(403, () -> machine.listVersions(DemoApiServer.CYCLE, ListKind.QIMG)).getCode()).isEqualTo("FORBIDDEN");

        ApiToken revoked = operator.revokeApiToken(issued.getId());
        assertThat(revoked.getRevokedAt()).isNotNull();
        assertThat(failure(401, () -> machine.listVersions(DemoApiServer.CYCLE, ListKind.AIMG)).getCode()).isEqualTo("UNAUTHENTICATED");
        long revocations = auditRows("token.revoked");
        assertThat(operator.revokeApiToken(issued.getId()).getRevokedAt()).as("revoking again changes nothing")
                .isEqualTo(revoked.getRevokedAt());
        assertThat(auditRows("token.revoked")).isEqualTo(revocations);
        notFound(() -> operator.revokeApiToken(999_999L));
        notFound(() -> operator.issueApiToken(999_999L, new ApiTokenRequest()));
    }

    @Test
    void programStaffAndOperatorAccountsNeedTheirScopeAndBadRequestsCreateNothing() throws ApiException {
        Account staff = operator
                .createAccount(account("staff@mcgill.example", AccountRole.PROGRAM_STAFF).facultyId("MCGILL").partnerBody("BCI"));
        assertThat(staff.getFacultyId()).isEqualTo("MCGILL");
        assertThat(staff.getPartnerBody()).isNull();
        Account second = operator.createAccount(account("second@operator.example", AccountRole.OPERATOR));
        assertThat(second.getRole()).isEqualTo(AccountRole.OPERATOR);
        assertThat(operator.issueApiToken(second.getId(), new ApiTokenRequest()).getLabel()).isEqualTo("token");

        int before = operator.listAccounts().getAccounts().size();
        invalidField("role", () -> operator.createAccount(account("new@applicant.example", AccountRole.APPLICANT)));
        invalidField("facultyId",
                () -> operator.createAccount(account("staff@nowhere.example", AccountRole.PROGRAM_STAFF).facultyId("NOWHERE")));
        invalidField("facultyId", () -> operator.createAccount(account("staff@nowhere.example", AccountRole.PROGRAM_STAFF)));
        invalidField("partnerBody", () -> operator.createAccount(account("x@partner.example", AccountRole.PARTNER).partnerBody("CMQ")));
        invalidField("email", () -> operator.createAccount(account("not an email", AccountRole.OPERATOR)));
        invalidField("password", () -> operator.createAccount(account("short@operator.example", AccountRole.OPERATOR).password("short")));
        invalidField("displayName", () -> operator.createAccount(account("blank@operator.example", AccountRole.OPERATOR).displayName(" ")));
        invalidField("role", () -> new AccountsApi(demo.operatorSending("{\"email\": \"a@b.example\", \"displayName\": \"A\", "
                + "\"password\": \"a long enough password\", \"role\": \"ADMIN\"}"))
                .createAccount(account("a@b.example", AccountRole.OPERATOR)));
        invalidField("label", () -> operator.issueApiToken(second.getId(), new ApiTokenRequest().label("x".repeat(101))));
        assertThat(failure(409, () -> operator.createAccount(account("STAFF@ubc.example", AccountRole.OPERATOR))).getCode())
                .isEqualTo("ACCOUNT_EXISTS");
        assertThat(operator.listAccounts().getAccounts()).hasSize(before);
    }

    @Test
    void aRefusedAccountIsExplainedInTheCallersLanguageUnderAStableCode() {
        AccountRequest notAnEmail = account("not an email", AccountRole.OPERATOR);
        ApiError english = failure(400, () -> operator.createAccount(notAnEmail));
        assertThat(english.getCode()).isEqualTo("INVALID_FIELD");
        assertThat(english.getField()).isEqualTo("email");
        assertThat(english.getMessage()).isEqualTo("Enter an email address, such as name@example.com.");
        ApiError french = failure(400, () -> operator.createAccount(notAnEmail, Map.of("Accept-Language", "fr-CA,fr;q=0.9")));
        assertThat(french.getCode()).isEqualTo("INVALID_FIELD");
        assertThat(french.getField()).isEqualTo("email");
        assertThat(french.getMessage()).isEqualTo("Entrez une adresse courriel, comme nom@exemple.ca.");

        ApiError exists = failure(409,
                () -> operator.createAccount(account("STAFF@ubc.example", AccountRole.OPERATOR), Map.of("Accept-Language", "fr")));
        assertThat(exists.getCode()).isEqualTo("ACCOUNT_EXISTS");
        assertThat(exists.getMessage()).isEqualTo("Un compte avec ce courriel existe déjà.");
    }

    @Test
    void onlyTheOperatorManagesAccountsAndTokens() throws ApiException {
        long anyAccount = operator.listAccounts().getAccounts().get(0).getId();
        for (String email : List.of("amira.haddad@applicant.example", "aimg@partner.example", "staff@ubc.example")) {
            AccountsApi someone = new AccountsApi(demo.bearer(demo.tokenForAccount(email)));
            for (var call : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                    someone::listAccounts,
                    someone::listApiTokens,
                    () -> someone.createAccount(account("mine@operator.example", AccountRole.OPERATOR)),
                    () -> someone.issueApiToken(anyAccount, new ApiTokenRequest()),
                    () -> someone.revokeApiToken(1L))) {
                assertThat(failure(403, call).getCode()).as(email).isEqualTo("FORBIDDEN");
            }
        }
        assertThat(failure(401, () -> new AccountsApi(demo.anonymous()).listAccounts()).getCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(
                failure(403, () -> new FollowUpsApi(demo.bearer(demo.tokenForAccount("staff@ubc.example"))).getCapPool(DemoApiServer.CYCLE))
                        .getCode())
                .isEqualTo("FORBIDDEN");
    }
}
