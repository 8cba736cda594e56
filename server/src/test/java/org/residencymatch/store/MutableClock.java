package org.residencymatch.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests set, so that phases can be walked through in a test. */
public final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(LocalDateTime start) {
        this.now = start.toInstant(ZoneOffset.UTC);
    }

    public void set(LocalDateTime time) {
        now = time.toInstant(ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
