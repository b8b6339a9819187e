package org.mirrorwatch.probing.control;

import java.util.List;
import java.util.Optional;

/**
 * A release mirror as a probe sees it: every (series, flavour) it should carry.
 *
 * @param fallbackUrl as {@link MirrorTarget#fallbackUrl()}
 */
public record ReleaseTarget(long mirrorId, String name, String baseUrl, List<ImagePair> pairs,
        Optional<String> fallbackUrl) implements ProbeTarget {

    /** A mirror without another URL to fall back on. */
    public ReleaseTarget(long mirrorId, String name, String baseUrl, List<ImagePair> pairs) {
        this(mirrorId, name, baseUrl, pairs, Optional.empty());
    }

    @Override
    public ReleaseProbeOutcome crashed(String log) {
        return new ReleaseProbeOutcome(this, List.of(), log, true, Optional.empty(), Optional.empty());
    }

    @Override
    public ReleaseTarget rebasedTo(String base) {
        return new ReleaseTarget(mirrorId, name, base, pairs.stream().map(pair -> new ImagePair(pair.seriesId(),
                pair.series(), pair.flavour(), pair.urls().stream().map(url -> ProbeTarget.rebase(url, baseUrl, base))
                        .toList())).toList(), Optional.empty());
    }
}
