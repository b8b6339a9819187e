package org.mirrorwatch.registry.boundary;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import org.mirrorwatch.registry.entity.MirrorFreshnessSnapshot;
import org.mirrorwatch.registry.entity.MirrorStatus;

/**
 * A mirror's freshness right after one probe, as its chart and the API show it.
 *
 * @param counts how many content records had each status, every status present, in the statuses' order
 */
public record FreshnessSnapshot(Instant dateCreated, MirrorStatus overall, Map<MirrorStatus, Integer> counts) {

    static FreshnessSnapshot of(MirrorFreshnessSnapshot snapshot) {
        return new FreshnessSnapshot(snapshot.getDateCreated(), snapshot.getOverall(),
                Collections.unmodifiableMap(snapshot.getCounts()));
    }
}
