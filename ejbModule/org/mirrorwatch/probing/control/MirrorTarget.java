package org.mirrorwatch.probing.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mirrorwatch.registry.entity.MirrorStatus;

/**
 * A mirror as a probe sees it: where it is and every index it should carry.
 *
 * @param fallbackUrl where its content is probed when its base URL is HTTPS and clients cannot use that:
 *                    its HTTP URL, else its FTP URL; empty when it has neither
 */
public record MirrorTarget(long mirrorId, String name, String baseUrl, List<IndexCheck> checks,
        Optional<String> fallbackUrl, Optional<TraceCheck> trace) implements ProbeTarget {

    /** A mirror whose distribution has no trace file or sync marker. */
    public MirrorTarget(long mirrorId, String name, String baseUrl, List<IndexCheck> checks,
            Optional<String> fallbackUrl) {
        this(mirrorId, name, baseUrl, checks, fallbackUrl, Optional.empty());
    }

    /** A mirror without another URL to fall back on. */
    public MirrorTarget(long mirrorId, String name, String baseUrl, List<IndexCheck> checks) {
        this(mirrorId, name, baseUrl, checks, Optional.empty());
    }

    @Override
    public MirrorProbeOutcome crashed(String log) {
        return new MirrorProbeOutcome(this, List.of(), log, true, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());
    }

    @Override
    public MirrorTarget rebasedTo(String base) {
        return new MirrorTarget(mirrorId, name, base, checks.stream().map(check -> new IndexCheck(check.kind(),
                check.targetId(), check.pocket(), check.componentId(), check.description(),
                ProbeTarget.rebase(check.indexUrl(), baseUrl, base), rebase(check.freshnessUrls(), base),
                check.newestUrl().map(url -> ProbeTarget.rebase(url, baseUrl, base)))).toList(), Optional.empty(),
                trace.map(check -> check.rebased(baseUrl, base)));
    }

    private Map<MirrorStatus, String> rebase(Map<MirrorStatus, String> urls, String base) {
        Map<MirrorStatus, String> rebased = new LinkedHashMap<>();
        urls.forEach((status, url) -> rebased.put(status, ProbeTarget.rebase(url, baseUrl, base)));
        return rebased;
    }
}
