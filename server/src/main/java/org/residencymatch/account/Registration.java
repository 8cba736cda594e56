package org.residencymatch.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.notification.Email;
import org.residencymatch.notification.EmailKind;
import org.residencymatch.notification.Outbox;

/**
 * Self-registration of applicants, email confirmation and password reset. Emails go to an outbox in
 * the same transaction; answers never reveal whether an address has an account (someone registering
 * an address that exists gets the same answer, and the owner gets an email about it).
 */
public final class Registration {

    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final Duration CONFIRMATION_VALIDITY = Duration.ofHours(48);
    public static final Duration RESET_VALIDITY = Duration.ofHours(1);
    /** Reset emails sent to one account within {@link #RESET_LIMIT_WINDOW}; more requests send nothing (and say the same). */
    public static final int RESET_EMAILS_PER_ACCOUNT = 3;
    /** Reset requests from one address within {@link #RESET_LIMIT_WINDOW}, for any emails; more are refused. */
    public static final int RESET_REQUESTS_PER_ADDRESS = 10;
    public static final Duration RESET_LIMIT_WINDOW = Duration.ofHours(1);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a person typed to register. */
    public record Form(String email, String password, String givenNames, String familyName, String dateOfBirth, String language) {
    }

    /** A field the person must correct, as a message key. */
    public record Problem(String field, String key) {
    }

    /** The longest given names or family name accepted (the profile's columns and the API say the same). */
    public static final int MAX_NAME_LENGTH = 200;

    private final Jdbi jdbi;
    private final Accounts accounts;
    private final AuditLog auditLog;
    private final Clock clock;
    private final String baseUrl;
    private final UnaryOperator<String> hashPassword;
    private final ThrottleCounters counters;

    public Registration(Jdbi jdbi, Accounts accounts, AuditLog auditLog, Clock clock, String baseUrl) {
        this(jdbi, accounts, auditLog, clock, baseUrl, Passwords::hash);
    }

    /** With the password hashing given (a test counts the hashes). */
    Registration(Jdbi jdbi, Accounts accounts, AuditLog auditLog, Clock clock, String baseUrl, UnaryOperator<String> hashPassword) {
        this.hashPassword = hashPassword;
        this.counters = new ThrottleCounters(jdbi, clock);
        this.jdbi = jdbi;
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** The problems of a registration form, every one, or none. */
    public static List<Problem> check(Form form) {
        List<Problem> problems = new ArrayList<>();
        if (form.email() == null || !EMAIL.matcher(form.email().strip()).matches())
            problems.add(new Problem("email", "register.error.email"));
        if (form.password() == null || form.password().length() < MIN_PASSWORD_LENGTH)
            problems.add(new Problem("password", "register.error.password"));
        // Each message says what is wrong with what was typed, not only what the field wants.
        name(form.givenNames(), "givenNames", problems);
        name(form.familyName(), "familyName", problems);
        String dateOfBirth = form.dateOfBirth() == null ? "" : form.dateOfBirth().strip();
        if (dateOfBirth.isEmpty()) {
            problems.add(new Problem("dateOfBirth", "register.error.dateOfBirth"));
        } else {
            try {
                LocalDate born = LocalDate.parse(dateOfBirth);
                LocalDate today = LocalDate.now();
                if (born.isAfter(today)) problems.add(new Problem("dateOfBirth", "register.error.dateOfBirth.future"));
                else if (born.isAfter(today.minusYears(16)))
                    problems.add(new Problem("dateOfBirth", "register.error.dateOfBirth.tooRecent"));
                else if (born.isBefore(LocalDate.of(1900, 1, 1)))
                    problems.add(new Problem("dateOfBirth", "register.error.dateOfBirth.tooEarly"));
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(new Problem("dateOfBirth", "register.error.dateOfBirth.notADate"));
            }
        }
        return problems;
    }

    /** Names are required and at most {@value #MAX_NAME_LENGTH} characters. */
    private static void name(String value, String field, List<Problem> problems) {
        if (value == null || value.isBlank()) problems.add(new Problem(field, "register.error." + field));
        else if (value.strip().length() > MAX_NAME_LENGTH) problems.add(new Problem(field, "register.error." + field + ".tooLong"));
    }

    /**
     * Registers an applicant (identity and an unconfirmed account) and emails a confirmation link;
     * for an address that already has an account, emails its owner instead. Call {@link #check} first.
     * Both take the same time: the password is hashed (Argon2id, most of the time) in either case, so
     * that the answer's time does not tell whether the address has an account.
     */
    public void register(Form form) {
        String email = Accounts.normalizeEmail(form.email());
        String language = "fr".equals(form.language()) ? "fr" : "en";
        String passwordHash = hashPassword.apply(form.password());
        jdbi.useTransaction(h -> {
            LocalDateTime now = LocalDateTime.now(clock);
            if (accounts.emailExists(h, email)) {
                email(h, email, EmailKind.ALREADY_REGISTERED, baseUrl + "/password/forgot", language, now);
                return;
            }
            String applicantId = newApplicantId(h);
            h.execute(
                    "INSERT INTO applicant (id, family_name, given_names, date_of_birth, email, name_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    applicantId, form.familyName().strip(), form.givenNames().strip(), LocalDate.parse(form.dateOfBirth()), email,
                    org.residencymatch.applicant.ApplicantDirectory.nameKey(form.familyName().strip(), form.givenNames().strip()), now);
            long userId = accounts.createWithHash(h,
                    new Accounts.NewAccount(email, form.givenNames().strip() + " " + form.familyName().strip(),
                            form.password(), Role.APPLICANT, applicantId, null, null),
                    passwordHash);
            h.execute("UPDATE user_account SET email_verified = FALSE WHERE id = ?", userId);
            String token = token(h, userId, "CONFIRM", CONFIRMATION_VALIDITY, now);
            email(h, email, EmailKind.CONFIRM, baseUrl + "/register/confirm?token=" + token, language, now);
            auditLog.record(h, "user:" + userId, "account.registered", "applicant:" + applicantId, null);
        });
    }

    /** Confirms the email of the account the token was sent to; false if the token is unknown, used or expired. */
    public boolean confirm(String token) {
        return jdbi.inTransaction(h -> consume(h, token, "CONFIRM").map(userId -> {
            h.execute("UPDATE user_account SET email_verified = TRUE WHERE id = ?", userId);
            auditLog.record(h, "user:" + userId, "account.confirmed", "user:" + userId, null);
            return true;
        }).orElse(false));
    }

    /** Whether a reset request was taken (whatever became of it) or refused because its address asked too often. */
    public enum ResetRequest {
        TAKEN, TOO_MANY_FROM_ADDRESS
    }

    /**
     * Emails a reset link if the address has an account, and says nothing either way. The new link
     * spends every older one. At most {@link #RESET_EMAILS_PER_ACCOUNT} emails go to one account and
     * {@link #RESET_REQUESTS_PER_ADDRESS} requests are taken from one client address per
     * {@link #RESET_LIMIT_WINDOW}: beyond the account's limit nothing is sent (and the answer is the
     * same), beyond the address's the request is refused.
     */
    public ResetRequest requestReset(String email, String language, String clientAddress) {
        String normalized = Accounts.normalizeEmail(email);
        String addressKey = "reset-address:" + clientAddress;
        if (counters.count(addressKey) >= RESET_REQUESTS_PER_ADDRESS) return ResetRequest.TOO_MANY_FROM_ADDRESS;
        counters.bump(addressKey, null, RESET_LIMIT_WINDOW);
        Optional<Long> userId = jdbi.withHandle(h -> h.createQuery("SELECT id FROM user_account WHERE email = :e").bind("e", normalized)
                .mapTo(Long.class).findOne());
        if (userId.isEmpty()) return ResetRequest.TAKEN;
        String accountKey = "reset-account:" + normalized;
        if (counters.count(accountKey) >= RESET_EMAILS_PER_ACCOUNT) return ResetRequest.TAKEN;
        counters.bump(accountKey, LoginThrottle.accountKey(normalized), RESET_LIMIT_WINDOW);
        jdbi.useTransaction(h -> {
            LocalDateTime now = LocalDateTime.now(clock);
            spendResetTokens(h, userId.get(), now);
            String token = token(h, userId.get(), "RESET", RESET_VALIDITY, now);
            email(h, normalized, EmailKind.RESET, baseUrl + "/password/reset?token=" + token, "fr".equals(language) ? "fr" : "en", now);
            auditLog.record(h, "user:" + userId.get(), "account.reset-requested", "user:" + userId.get(), null);
        });
        return ResetRequest.TAKEN;
    }

    /**
     * Sets a new password with a reset token: the token and every other reset link of the account are
     * spent, the email counts as confirmed, every session of the account ends and its sign-in
     * throttles are cleared. False if the token is unknown, used or expired.
     */
    public boolean reset(String token, String newPassword) {
        if (newPassword == null || newPassword.length() < MIN_PASSWORD_LENGTH)
            throw new IllegalArgumentException("register.error.password");
        String passwordHash = hashPassword.apply(newPassword);
        return jdbi.inTransaction(h -> consume(h, token, "RESET").map(userId -> {
            h.execute("UPDATE user_account SET password_hash = ?, email_verified = TRUE WHERE id = ?", passwordHash, userId);
            spendResetTokens(h, userId, LocalDateTime.now(clock));
            h.execute("DELETE FROM web_session WHERE user_id = ?", userId);
            String email = h.createQuery("SELECT email FROM user_account WHERE id = :id").bind("id", userId).mapTo(String.class).one();
            LoginThrottle.clearAccount(h, email);
            auditLog.record(h, "user:" + userId, "account.password-reset", "user:" + userId, null);
            return true;
        }).orElse(false));
    }

    private String token(Handle h, long userId, String purpose, Duration validity, LocalDateTime now) {
        String token = SecretTokens.newToken();
        h.execute("INSERT INTO account_token (token_hash, user_id, purpose, expires_at) VALUES (?, ?, ?, ?)",
                SecretTokens.hash(token), userId, purpose, now.plus(validity));
        return token;
    }

    /** Spends every reset link of the account that is still unused. */
    private static void spendResetTokens(Handle h, long userId, LocalDateTime now) {
        h.execute("UPDATE account_token SET used_at = ? WHERE user_id = ? AND purpose = 'RESET' AND used_at IS NULL", now, userId);
    }

    private Optional<Long> consume(Handle h, String token, String purpose) {
        if (token == null || token.isBlank()) return Optional.empty();
        LocalDateTime now = LocalDateTime.now(clock);
        String hash = SecretTokens.hash(token);
        Optional<Long> userId = h.createQuery(
                "SELECT user_id FROM account_token WHERE token_hash = :h AND purpose = :p AND used_at IS NULL AND expires_at > :now")
                .bind("h", hash).bind("p", purpose).bind("now", now).mapTo(Long.class).findOne();
        userId.ifPresent(id -> h.execute("UPDATE account_token SET used_at = ? WHERE token_hash = ?", now, hash));
        return userId;
    }

    private static void email(Handle h, String recipient, EmailKind kind, String link, String language, LocalDateTime now) {
        Outbox.enqueueEmail(h, recipient, Email.of(kind, link), language, now);
    }

    private static String newApplicantId(Handle h) {
        while (true) {
            String id = "A-" + (100_000 + RANDOM.nextInt(900_000));
            if (h.createQuery("SELECT COUNT(*) FROM applicant WHERE id = :id").bind("id", id).mapTo(Integer.class).one() == 0) return id;
        }
    }
}
