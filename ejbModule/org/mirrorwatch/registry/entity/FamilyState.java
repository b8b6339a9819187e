package org.mirrorwatch.registry.entity;

/**
 * What a probe found of a mirror on one address family (IPv4 or IPv6): a few of the files the probe found
 * were asked for again, pinned to an address of that family. A mirror whose family was not checked has no
 * state for it (no probe since, or its probe found nothing to ask for again).
 */
public enum FamilyState {
    /** Every sample file was found over this family. */
    REACHABLE("Reachable"),
    /** The host publishes an address of this family, but a sample file was not found over it. */
    UNREACHABLE("Unreachable"),
    /** The host publishes no address of this family (no A, or no AAAA record). */
    NOT_PUBLISHED("Not published");

    private final String title;

    FamilyState(String title) {
        this.title = title;
    }

    /** The state in words, for pages. */
    public String title() {
        return title;
    }
}
