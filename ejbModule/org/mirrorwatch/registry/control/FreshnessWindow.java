package org.mirrorwatch.registry.control;

import java.time.Instant;
import org.mirrorwatch.registry.entity.MirrorStatus;

/**
 * The half-open interval (from, to] of publication dates that a status owns at a given moment: an
 * upload in it, found on the mirror, shows that the mirror is at most that far behind.
 */
public record FreshnessWindow(MirrorStatus status, Instant from, Instant to) {

    public boolean contains(Instant instant) {
        return instant.isAfter(from) && !instant.isAfter(to);
    }
}
