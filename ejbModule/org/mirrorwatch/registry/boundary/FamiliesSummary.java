package org.mirrorwatch.registry.boundary;

import org.mirrorwatch.platform.AddressFamily;
import org.mirrorwatch.registry.entity.FamilyReachability;
import org.mirrorwatch.registry.entity.FamilyState;

/**
 * What the newest probe found of a mirror on each address family, as pages and the API show it. A failure is
 * the first failed sample request's reason, null unless that family is unreachable.
 *
 * @param degraded whether a published family is unreachable: the mirror stays enabled, but that family's
 *        clients are sent elsewhere
 */
public record FamiliesSummary(FamilyState ipv4, String ipv4Failure, FamilyState ipv6, String ipv6Failure,
        boolean degraded) {

    static FamiliesSummary of(FamilyReachability families) {
        return new FamiliesSummary(families.state(AddressFamily.IPV4),
                families.failure(AddressFamily.IPV4).orElse(null), families.state(AddressFamily.IPV6),
                families.failure(AddressFamily.IPV6).orElse(null), families.isDegraded());
    }
}
