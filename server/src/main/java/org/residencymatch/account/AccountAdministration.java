package org.residencymatch.account;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.ConflictException;
import org.residencymatch.NotFoundException;
import org.residencymatch.Refusal;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.lists.PartnerBody;

/**
 * The operator's work on accounts: creating partner-body, program-staff and operator accounts
 * (applicants register themselves), and issuing and revoking bearer tokens for machine clients. The
 * accounts page and the API both go through here, so both check the same rules and write the same
 * audit rows, each in the transaction of its change.
 */
public final class AccountAdministration {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MAX_LABEL_LENGTH = 100;

    /** Why an account cannot be created: the field at fault and the {@link Refusal} ({@code INVALID_FIELD}) that says so in the reader's language. */
    public record FieldRefusal(String field, Refusal refusal) {
    }

    /** A new account the operator asked for was refused; nothing was created. */
    public static final class AccountRefusedException extends RuntimeException {
        private final FieldRefusal refusal;

        AccountRefusedException(FieldRefusal refusal) {
            super("account refused: " + refusal.field() + " (" + refusal.refusal().messageKey() + ")");
            this.refusal = refusal;
        }

        public FieldRefusal refusal() {
            return refusal;
        }
    }

    /** A bearer token just issued: the token itself exists only in this answer, the service keeps its hash. */
    public record IssuedToken(Accounts.TokenSummary summary, String token) {
    }

    private final Jdbi jdbi;
    private final Accounts accounts;
    private final AuditLog auditLog;

    public AccountAdministration(Jdbi jdbi, Accounts accounts, AuditLog auditLog) {
        this.jdbi = jdbi;
        this.accounts = accounts;
        this.auditLog = auditLog;
    }

    /**
     * The first problem of a new staff account, or none. Pure apart from {@code facultyExists}, which
     * says whether a faculty id is in the catalogue.
     */
    public static Optional<FieldRefusal> check(Accounts.NewAccount account, java.util.function.Predicate<String> facultyExists) {
        if (account.role() == null) return refusal("role", "accounts.error.role");
        if (account.role() == Role.APPLICANT) return refusal("role", "accounts.error.applicant");
        if (account.email() == null || !EMAIL.matcher(account.email().strip()).matches()) {
            return refusal("email", "register.error.email");
        }
        if (account.displayName() == null || account.displayName().isBlank() || account.displayName().length() > 200) {
            return refusal("displayName", "accounts.error.name");
        }
        if (account.password() == null || account.password().length() < Registration.MIN_PASSWORD_LENGTH) {
            return refusal("password", "register.error.password");
        }
        if (account.role() == Role.PARTNER && (account.partnerBody() == null || PartnerBody.parse(account.partnerBody()).isEmpty())) {
            return refusal("partnerBody", "accounts.error.partnerBody");
        }
        if (account.role() == Role.PROGRAM_STAFF && (account.facultyId() == null || !facultyExists.test(account.facultyId()))) {
            return refusal("facultyId", "accounts.error.faculty");
        }
        return Optional.empty();
    }

    private static Optional<FieldRefusal> refusal(String field, String key) {
        return Optional.of(new FieldRefusal(field, Refusal.of("INVALID_FIELD", key)));
    }

    /**
     * Creates a staff account; the scope field its role does not use is dropped.
     *
     * @throws AccountRefusedException when {@link #check} finds a problem
     * @throws ConflictException {@code ACCOUNT_EXISTS} when the email has an account already
     */
    public Accounts.Summary create(Accounts.NewAccount requested, String actor) {
        Accounts.NewAccount account = new Accounts.NewAccount(requested.email() == null ? null : requested.email().strip(),
                requested.displayName() == null ? null : requested.displayName().strip(), requested.password(), requested.role(), null,
                requested.role() == Role.PROGRAM_STAFF ? requested.facultyId() : null,
                requested.role() == Role.PARTNER ? requested.partnerBody() : null);
        return jdbi.inTransaction(h -> {
            check(account,
                    faculty -> h.createQuery("SELECT COUNT(*) FROM faculty WHERE id = :f").bind("f", faculty).mapTo(Integer.class)
                            .one() > 0)
                    .ifPresent(refusal -> {
                        throw new AccountRefusedException(refusal);
                    });
            if (accounts.emailExists(h, account.email()))
                throw new ConflictException(Refusal.of("ACCOUNT_EXISTS", "accounts.error.exists"),
                        "an account with this email exists already");
            long id = accounts.create(h, account);
            auditLog.record(h, actor, "account.created", "user:" + id, account.role().name());
            return accounts.summary(h, id).orElseThrow();
        });
    }

    /**
     * Issues a bearer token to an account (an empty label becomes "token").
     *
     * @throws NotFoundException when there is no such account
     */
    public IssuedToken issueToken(long userId, String label, String actor) {
        String cleanLabel = label == null || label.isBlank() ? "token" : label.strip();
        if (cleanLabel.length() > MAX_LABEL_LENGTH)
            throw new IllegalArgumentException("label is longer than " + MAX_LABEL_LENGTH + " characters");
        return jdbi.inTransaction(h -> {
            if (accounts.find(h, userId).isEmpty()) throw new NotFoundException("account", String.valueOf(userId));
            Accounts.IssuedApiToken issued = accounts.issue(h, userId, cleanLabel);
            auditLog.record(h, actor, "token.issued", "user:" + userId, "token:" + issued.id());
            return new IssuedToken(accounts.token(h, issued.id()).orElseThrow(), issued.token());
        });
    }

    /**
     * Revokes a bearer token; revoking a revoked token changes nothing and writes no audit row.
     *
     * @throws NotFoundException when there is no such token
     */
    public Accounts.TokenSummary revokeToken(long tokenId, String actor) {
        return jdbi.inTransaction(h -> {
            if (accounts.token(h, tokenId).isEmpty()) throw new NotFoundException("API token", String.valueOf(tokenId));
            if (accounts.revokeApiToken(h, tokenId)) auditLog.record(h, actor, "token.revoked", "token:" + tokenId, null);
            return accounts.token(h, tokenId).orElseThrow();
        });
    }
}
