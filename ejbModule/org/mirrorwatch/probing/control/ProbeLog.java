package org.mirrorwatch.probing.control;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** A probe's log: timestamped lines, appended from whichever thread a response arrives on. */
final class ProbeLog {

    private final Clock clock;
    private final StringBuilder text = new StringBuilder();

    ProbeLog(Clock clock) {
        this.clock = clock;
    }

    synchronized void add(String line) {
        text.append(clock.instant().truncatedTo(ChronoUnit.MILLIS)).append(' ').append(line).append('\n');
    }

    synchronized String text() {
        return text.toString();
    }
}
