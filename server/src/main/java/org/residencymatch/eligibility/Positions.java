package org.residencymatch.eligibility;

/**
 * A stream's positions in one iteration: its quota, and how many of them are left for this iteration
 * once the released results of the earlier iterations have taken theirs.
 *
 * @param left the positions left, or {@code null} while an earlier iteration's results are not
 *     released (nobody can know yet what it will leave)
 */
public record Positions(int quota, Integer left) {

    public Positions {
        if (quota < 0) throw new IllegalArgumentException("a quota is never negative: " + quota);
        if (left != null && (left < 0 || left > quota)) {
            throw new IllegalArgumentException("positions left must be between 0 and the quota " + quota + ": " + left);
        }
    }

    /** Every position of the quota: the first iteration, or a stream nobody matched to before. */
    public static Positions all(int quota) {
        return new Positions(quota, quota);
    }

    /** What is left after {@code taken} positions went to earlier iterations. */
    public static Positions after(int quota, int taken) {
        return new Positions(quota, Math.max(0, quota - taken));
    }

    /** Not known until an earlier iteration's results are released. */
    public static Positions unknownYet(int quota) {
        return new Positions(quota, null);
    }

    /** Whether no position is left (unknown counts as some: the stream stays open until we know). */
    public boolean noneLeft() {
        return left != null && left == 0;
    }
}
