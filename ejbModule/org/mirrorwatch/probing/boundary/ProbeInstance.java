package org.mirrorwatch.probing.boundary;

import java.time.Instant;

/**
 * An instance that probes, with when it started and when it last told it was up; {@code up} while that
 * was within the lease-ttl, after which its claims go to the others.
 */
public record ProbeInstance(String name, Instant started, Instant lastHeartbeat, boolean up) {
}
