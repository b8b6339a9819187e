package org.mirrorwatch.routing.control;

import java.util.Objects;
import java.util.Set;

/**
 * A mirror that may be handed to clients: enabled, official, fresh enough, reachable over HTTP(S).
 *
 * @param url the mirror's web URL (HTTPS before HTTP), ending in a slash
 * @param speedKbps its registered bandwidth, the weight of the random order
 * @param country ISO 3166-1 alpha-2 code of the country it is registered in
 * @param continent the continent of that country, as {@code Continent.name()}
 * @param autonomousSystem the autonomous system its host's address is in; 0 while unknown
 * @param families the address families its newest probe found it answering on
 * @param carries what it carries fresh enough: suites ("hoary-security"), their indexes
 *        ("hoary-security/main/binary-i386", "hoary/main/source") or, for CD-image mirrors, series ("hoary")
 */
public record RouteCandidate(long id, String name, String url, long speedKbps, String country, String continent,
        long autonomousSystem, AddressFamilies families, Set<String> carries) {

    public RouteCandidate {
        Objects.requireNonNull(url);
        Objects.requireNonNull(country);
        Objects.requireNonNull(continent);
        Objects.requireNonNull(families);
        carries = Set.copyOf(carries);
    }

    /** Whether it carries what a path needs; a null need is met by every candidate. */
    public boolean carries(String need) {
        return need == null || carries.contains(need);
    }

    /** The same mirror with what is known of its host. */
    public RouteCandidate withHost(MirrorHosts.HostFacts host) {
        return new RouteCandidate(id, name, url, speedKbps, country, continent, host.autonomousSystem(),
                families, carries);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RouteCandidate that && id == that.id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}
