package org.mirrorwatch.routing.control;

/** Which address families a mirror's host has addresses in, as far as known. */
public enum AddressFamilies {
    /** Not resolved yet: the mirror is offered to every client. */
    UNKNOWN,
    /** IPv4 addresses only. */
    IPV4_ONLY,
    /** IPv6 addresses only. */
    IPV6_ONLY,
    /** Both. */
    BOTH;

    /** Whether a client of this family can reach the host; unknown hosts are given the benefit of the doubt. */
    public boolean reachableOver(boolean ipv6) {
        return switch (this) {
            case UNKNOWN, BOTH -> true;
            case IPV4_ONLY -> !ipv6;
            case IPV6_ONLY -> ipv6;
        };
    }

    public static AddressFamilies of(boolean ipv4, boolean ipv6) {
        if (ipv4 && ipv6) {
            return BOTH;
        }
        if (ipv4) {
            return IPV4_ONLY;
        }
        return ipv6 ? IPV6_ONLY : UNKNOWN;
    }
}
