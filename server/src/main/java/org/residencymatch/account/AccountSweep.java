package org.residencymatch.account;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes what has expired in the account tables: sessions past their idle or absolute timeout and
 * throttle counts past their window. The service runs it on a schedule (every instance; deleting
 * twice is harmless), so these tables hold only what is live.
 */
public final class AccountSweep {

    private final Sessions sessions;
    private final LoginThrottle throttle;

    public AccountSweep(Jdbi jdbi, Clock clock) {
        this.sessions = new Sessions(jdbi, new Accounts(jdbi, clock), clock);
        this.throttle = new LoginThrottle(jdbi, clock);
    }

    /** Sweeps once; returns how many rows were deleted. */
    public int run() {
        return sessions.sweepExpired() + throttle.sweep();
    }
}
