package org.mirrorwatch.routing.control;

import org.mirrorwatch.platform.AddressFamily;
import org.mirrorwatch.platform.IpLiterals;
import org.mirrorwatch.registry.entity.FamilyState;

/**
 * Which address families a mirror answered on, as its newest probe found (a family counts only when the
 * mirror answered on it: a host that publishes an AAAA record but does not answer over IPv6 is IPv4 only).
 */
public enum AddressFamilies {
    /** Not checked yet (a host name no probe has checked the families of): the mirror is offered to every client. */
    UNKNOWN,
    /** It answered over IPv4 only. */
    IPV4_ONLY,
    /** It answered over IPv6 only. */
    IPV6_ONLY,
    /** It answered over both. */
    BOTH,
    /** It answered over neither (its sample files went missing after the matrix found them): offered to nobody. */
    NEITHER;

    /** Whether a client of this family may be sent to the mirror; a mirror not checked yet is given the benefit of the doubt. */
    public boolean reachableOver(boolean ipv6) {
        return switch (this) {
            case UNKNOWN, BOTH -> true;
            case IPV4_ONLY -> !ipv6;
            case IPV6_ONLY -> ipv6;
            case NEITHER -> false;
        };
    }

    /**
     * A host written as an address has that address's family only, probed or not; a name is
     * {@link #UNKNOWN} until a probe checks it.
     */
    public static AddressFamilies ofHost(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return IpLiterals.parse(bare).map(address -> AddressFamily.of(address) == AddressFamily.IPV6 ? IPV6_ONLY
                : IPV4_ONLY).orElse(UNKNOWN);
    }

    /** What the newest probe found on each family; not checked (null) is {@link #UNKNOWN}. */
    public static AddressFamilies of(FamilyState ipv4State, FamilyState ipv6State) {
        if (ipv4State == null || ipv6State == null) {
            return UNKNOWN;
        }
        boolean ipv4 = ipv4State == FamilyState.REACHABLE;
        boolean ipv6 = ipv6State == FamilyState.REACHABLE;
        if (ipv4 && ipv6) {
            return BOTH;
        }
        if (ipv4) {
            return IPV4_ONLY;
        }
        return ipv6 ? IPV6_ONLY : NEITHER;
    }
}
