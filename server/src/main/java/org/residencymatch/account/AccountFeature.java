package org.residencymatch.account;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.store.Database;

/**
 * The account feature over one database: accounts and their tokens, sessions, the sign-in throttle, the
 * service's own secrets, account administration and registration. The web layer builds its sign-in,
 * session and account routes from these and never touches the database itself.
 */
public record AccountFeature(Accounts accounts, Sessions sessions, ServerSecrets secrets, LoginThrottle throttle,
        AccountAdministration administration, Registration registration) {

    /** @param publicUrl the service's address as people reach it, for the links in emails */
    public static AccountFeature open(Database database, AuditLog auditLog, Clock clock, String publicUrl) {
        Jdbi jdbi = database.jdbi();
        Accounts accounts = new Accounts(jdbi, clock);
        return new AccountFeature(accounts, new Sessions(jdbi, accounts, clock), new ServerSecrets(jdbi, clock),
                new LoginThrottle(jdbi, clock),
                new AccountAdministration(jdbi, accounts, auditLog), new Registration(jdbi, accounts, auditLog, clock, publicUrl));
    }
}
