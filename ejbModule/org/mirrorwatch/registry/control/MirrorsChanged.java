package org.mirrorwatch.registry.control;

/** A CDI event: something that decides which mirrors clients are sent to has changed for this distribution. */
public record MirrorsChanged(long distributionId) {
}
