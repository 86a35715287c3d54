package dev.ec2inventory.local.dataapi;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** The system clock, moved forward on demand, so a test can skip an idle period without waiting it out. */
public final class MovableClock implements InstantSource {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
