package org.mirrorwatch.probing.boundary;

import java.time.Instant;

/**
 * One instance's share of a round, as the probe page and the API show it.
 *
 * @param claimed the hosts it holds now
 * @param done the hosts it finished
 * @param lastHeartbeat when the instance last told it was up; null when it never did
 */
public record InstanceClaims(String instance, int claimed, int done, Instant lastHeartbeat) {
}
