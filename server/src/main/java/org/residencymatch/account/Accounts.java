package org.residencymatch.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** User accounts, their passwords and the API tokens issued to them. */
public final class Accounts {

    private final Jdbi jdbi;
    private final Clock clock;

    public Accounts(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** What a new account is. Exactly the scope field its role needs is set. */
    public record NewAccount(String email, String displayName, String password, Role role, String applicantId,
            String facultyId, String partnerBody) {
    }

    public long create(Handle h, NewAccount account) {
        return createWithHash(h, account, Passwords.hash(account.password()));
    }

    /**
     * Creates an account whose password was hashed already. Only for seeding many accounts that
     * share one password (the demo): one Argon2id hash instead of one per account.
     */
    public long createWithHash(Handle h, NewAccount account, String passwordHash) {
        return h.createUpdate("INSERT INTO user_account (email, display_name, password_hash, role, applicant_id, faculty_id, "
                + "partner_body, created_at) VALUES (:email, :name, :hash, :role, :applicant, :faculty, :partner, :now)")
                .bind("email", normalizeEmail(account.email()))
                .bind("name", account.displayName())
                .bind("hash", passwordHash)
                .bind("role", account.role().name())
                .bind("applicant", account.applicantId())
                .bind("faculty", account.facultyId())
                .bind("partner", account.partnerBody())
                .bind("now", LocalDateTime.now(clock))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    public boolean emailExists(Handle h, String email) {
        return h.createQuery("SELECT COUNT(*) FROM user_account WHERE email = :email")
                .bind("email", normalizeEmail(email)).mapTo(Integer.class).one() > 0;
    }

    /** The right password of an account whose email is not confirmed yet. */
    public static final class UnconfirmedEmailException extends RuntimeException {
        UnconfirmedEmailException() {
            super("the email address of this account is not confirmed yet");
        }
    }

    /**
     * The account whose email and password these are; costs the same whether or not the email exists.
     *
     * @throws UnconfirmedEmailException when the password is right but the email is not confirmed yet
     */
    public Optional<Principal> authenticate(String email, String password) {
        record Stored(Principal principal, String hash, boolean confirmed) {
        }
        Optional<Stored> stored = jdbi.withHandle(h -> h.createQuery("SELECT * FROM user_account WHERE email = :email")
                .bind("email", normalizeEmail(email))
                .map((rs, ctx) -> new Stored(principal(rs), rs.getString("password_hash"), rs.getBoolean("email_verified")))
                .findOne());
        if (stored.isEmpty()) {
            Passwords.spendVerificationTime(password);
            return Optional.empty();
        }
        if (!Passwords.matches(password, stored.get().hash())) return Optional.empty();
        // The right password proves the address is theirs, so saying "confirm first" reveals nothing.
        if (!stored.get().confirmed()) throw new UnconfirmedEmailException();
        return Optional.of(stored.get().principal());
    }

    public Optional<Principal> find(Handle h, long userId) {
        return h.createQuery("SELECT * FROM user_account WHERE id = :id").bind("id", userId)
                .map((rs, ctx) -> principal(rs)).findOne();
    }

    /** Issues a bearer token for the account; only its hash is stored, the token itself is returned once. */
    public String issueApiToken(Handle h, long userId, String label) {
        return issue(h, userId, label).token();
    }

    /** A token just issued, with the id it is listed and revoked by. */
    public record IssuedApiToken(long id, String token) {
    }

    public IssuedApiToken issue(Handle h, long userId, String label) {
        String token = SecretTokens.newToken();
        long id = h.createUpdate("INSERT INTO api_token (token_hash, user_id, label, created_at) VALUES (:hash, :user, :label, :now)")
                .bind("hash", SecretTokens.hash(token)).bind("user", userId).bind("label", label).bind("now", LocalDateTime.now(clock))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new IssuedApiToken(id, token);
    }

    /** An account as the operator's account list shows it (never its password hash). */
    public record Summary(long id, String email, String displayName, Role role, String applicantId, String facultyId, String partnerBody,
            boolean confirmed) {
    }

    /** A bearer token as listed: its label, owner, dates; the token itself is shown only once, when issued. */
    public record TokenSummary(long id, long userId, String label, LocalDateTime createdAt, LocalDateTime revokedAt) {
    }

    /** The accounts other than applicants' (the operator manages those; applicants register themselves). */
    public java.util.List<Summary> staffAccounts() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM user_account WHERE role <> 'APPLICANT' ORDER BY role, email")
                .map((rs, ctx) -> summary(rs)).list());
    }

    /**
     * The display names of the accounts behind audit names ({@code user:N}, as {@link Principal#auditName()}
     * writes them), for pages that sign what someone did (a help answer) with a name; an audit name of no
     * account is left out.
     */
    public java.util.Map<String, String> displayNames(java.util.Collection<String> auditNames) {
        java.util.List<Long> ids = auditNames.stream().filter(n -> n != null && n.matches("user:[0-9]{1,18}"))
                .map(n -> Long.parseLong(n.substring("user:".length()))).distinct().toList();
        if (ids.isEmpty()) return java.util.Map.of();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, display_name FROM user_account WHERE id IN (<ids>)").bindList("ids", ids)
                .map((rs, ctx) -> java.util.Map.entry("user:" + rs.getLong("id"), rs.getString("display_name")))
                .forEach(e -> names.put(e.getKey(), e.getValue())));
        return names;
    }

    public Optional<Summary> summary(Handle h, long userId) {
        return h.createQuery("SELECT * FROM user_account WHERE id = :id").bind("id", userId).map((rs, ctx) -> summary(rs)).findOne();
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        return new Summary(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                rs.getString("applicant_id"), rs.getString("faculty_id"), rs.getString("partner_body"), rs.getBoolean("email_verified"));
    }

    private static final String TOKEN_COLUMNS = "SELECT id, user_id, label, created_at, revoked_at FROM api_token";

    public java.util.List<TokenSummary> tokens() {
        return jdbi.withHandle(h -> h.createQuery(TOKEN_COLUMNS + " ORDER BY id DESC").map((rs, ctx) -> tokenSummary(rs)).list());
    }

    public Optional<TokenSummary> token(Handle h, long tokenId) {
        return h.createQuery(TOKEN_COLUMNS + " WHERE id = :id").bind("id", tokenId).map((rs, ctx) -> tokenSummary(rs)).findOne();
    }

    private static TokenSummary tokenSummary(ResultSet rs) throws SQLException {
        return new TokenSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDateTime.class),
                rs.getObject(5, LocalDateTime.class));
    }

    /** Revokes a bearer token at once: the next request with it is refused. */
    public boolean revokeApiToken(Handle h, long tokenId) {
        return h.execute("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", LocalDateTime.now(clock), tokenId) > 0;
    }

    /** The owner of a live (not revoked) bearer token. */
    public Optional<Principal> findByApiToken(String token) {
        return jdbi.withHandle(h -> h.createQuery("SELECT u.* FROM api_token t JOIN user_account u ON u.id = t.user_id "
                + "WHERE t.token_hash = :hash AND t.revoked_at IS NULL")
                .bind("hash", SecretTokens.hash(token))
                .map((rs, ctx) -> principal(rs))
                .findOne());
    }

    static Principal principal(ResultSet rs) throws SQLException {
        return new Principal(rs.getLong("id"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                rs.getString("applicant_id"), rs.getString("faculty_id"), rs.getString("partner_body"));
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
