package org.residencymatch.web;

import io.javalin.security.RouteRole;
import org.residencymatch.account.Role;

/**
 * Who may call a route. Every route declares at least one; {@link #ANYONE} must be said explicitly,
 * and a test fails on any route that declares nothing.
 */
public enum Access implements RouteRole {
    ANYONE(null), APPLICANT(Role.APPLICANT), PARTNER(Role.PARTNER), PROGRAM_STAFF(Role.PROGRAM_STAFF), OPERATOR(Role.OPERATOR), HELP_DESK(
            Role.HELP_DESK);

    private final Role role;

    Access(Role role) {
        this.role = role;
    }

    /** Whether a user with this role is let in by this access level. */
    boolean admits(Role userRole) {
        return this == ANYONE || role == userRole;
    }
}
