package org.mirrorwatch.probing.boundary;

import java.time.Instant;

/** An instance that probes, with when it started and when it last told it was up. */
public record ProbeInstance(String name, Instant started, Instant lastHeartbeat) {
}
