package org.mirrorwatch.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one source of "now". Everything that needs the time injects a {@link Clock}, so tests can fix it
 * with a CDI alternative instead of waiting for real time to pass.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    public Clock systemClock() {
        return Clock.systemUTC();
    }
}
