package org.mirrorwatch.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Replaces the application's clock in Arquillian deployments. It follows the system clock until a test
 * fixes it, and every bean that injected a Clock sees the change at once.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class TestClock {

    private final SettableClock clock = new SettableClock();

    @Produces
    Clock clock() {
        return clock;
    }

    public void fixAt(Instant instant) {
        clock.fixed = instant;
    }

    public void followSystemClock() {
        clock.fixed = null;
    }

    /** A clock whose "now" a test can set; not a CDI bean itself, so it needs no proxy. */
    static final class SettableClock extends Clock {

        private volatile Instant fixed;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            Instant now = fixed;
            return now != null ? now : Instant.now();
        }
    }
}
