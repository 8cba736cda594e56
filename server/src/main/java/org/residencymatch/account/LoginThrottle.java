package org.residencymatch.account;

import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing without letting anyone lock a user out: after
 * {@link #MAX_PER_ACCOUNT_AND_ADDRESS} failed sign-ins for one account from one address, that address
 * may not try that account again until {@link #WINDOW} has passed; after {@link #MAX_PER_ADDRESS}
 * failures from one address (any accounts), that address may not sign in at all for the window.
 * Nothing is counted per account alone: failures from elsewhere never stop the owner signing in from
 * their own address. The address is the client's (see {@code ClientAddress}: behind a load balancer
 * only with its address configured as a trusted proxy). A password reset clears the account's counts.
 */
public final class LoginThrottle {

    public static final int MAX_PER_ACCOUNT_AND_ADDRESS = 5;
    public static final int MAX_PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final ThrottleCounters counters;

    public LoginThrottle(Jdbi jdbi, Clock clock) {
        this.counters = new ThrottleCounters(jdbi, clock);
    }

    /** Whether this address has failed too often lately, for this account or at all. */
    public boolean isBlocked(String email, String address) {
        return counters.count(pairKey(email, address)) >= MAX_PER_ACCOUNT_AND_ADDRESS
                || counters.count(addressKey(address)) >= MAX_PER_ADDRESS;
    }

    public void recordFailure(String email, String address) {
        counters.bump(pairKey(email, address), accountKey(email), WINDOW);
        counters.bump(addressKey(address), null, WINDOW);
    }

    /** A successful sign-in clears the failures of the account from this address (not the address's own count). */
    public void recordSuccess(String email, String address) {
        counters.clear(pairKey(email, address));
    }

    /** Forgets the account's failures from every address, in the caller's transaction (a password reset). */
    static void clearAccount(Handle h, String email) {
        ThrottleCounters.clearAccount(h, accountKey(email));
    }

    /** Deletes the counts whose window has passed. */
    public int sweep() {
        return counters.sweep();
    }

    static String accountKey(String email) {
        return "account:" + Accounts.normalizeEmail(email);
    }

    private static String pairKey(String email, String address) {
        return "sign-in:" + Accounts.normalizeEmail(email) + "|" + address;
    }

    private static String addressKey(String address) {
        return "sign-in-address:" + address;
    }
}
