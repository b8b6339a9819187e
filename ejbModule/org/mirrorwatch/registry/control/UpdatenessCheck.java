package org.mirrorwatch.registry.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mirrorwatch.publishing.control.PublicationHistory;
import org.mirrorwatch.publishing.entity.PoolPublication;
import org.mirrorwatch.publishing.entity.PublicationKey;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.reference.entity.MirrorUrl;

/** Applies {@link FreshnessWindows} to the stored publication history of a mirror's content. */
@Stateless
public class UpdatenessCheck {

    @Inject
    PublicationHistory history;

    /** Launchpad's {@code getURLsToCheckUpdateness}: {status: URL below the mirror's base}, freshest first. */
    public Map<MirrorStatus, String> getURLsToCheckUpdateness(MirrorUrl base, PublicationKey key, Instant when) {
        return resolve(base, poolPathsToCheck(key, when));
    }

    /** The same map as pool paths, shared by every mirror that carries the key. */
    public Map<MirrorStatus, String> poolPathsToCheck(PublicationKey key, Instant when) {
        return FreshnessWindows.poolPathsToCheck(key, candidates(key, when), when);
    }

    /** What a probe of the key checks: the pool paths by status, and the newest publication's path. */
    public UpdatenessPlan plan(PublicationKey key, Instant when) {
        List<PoolPublication> candidates = candidates(key, when);
        return new UpdatenessPlan(FreshnessWindows.poolPathsToCheck(key, candidates, when),
                FreshnessWindows.newest(key, candidates, when).flatMap(PoolPublication::checkedPoolPath));
    }

    private List<PoolPublication> candidates(PublicationKey key, Instant when) {
        return history.checkablePublications(key, FreshnessWindows.oldestWindowStart(when), when);
    }

    private static Map<MirrorStatus, String> resolve(MirrorUrl base, Map<MirrorStatus, String> poolPaths) {
        Map<MirrorStatus, String> urls = new LinkedHashMap<>();
        poolPaths.forEach((status, path) -> urls.put(status, base.resolve(path)));
        return urls;
    }
}
