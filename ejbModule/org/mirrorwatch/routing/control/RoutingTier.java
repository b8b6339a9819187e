package org.mirrorwatch.routing.control;

/** Why a mirror is on a client's list: how near it is to the client, nearest first. */
public enum RoutingTier {
    /** In the client's own network (autonomous system). */
    AUTONOMOUS_SYSTEM("same-network"),
    /** In the client's country. */
    COUNTRY("country"),
    /** On the client's continent. */
    CONTINENT("continent"),
    /** Anywhere. */
    WORLD("world"),
    /** The distribution's own archive, last on every list. */
    MAIN_ARCHIVE("main-archive");

    private final String label;

    RoutingTier(String label) {
        this.label = label;
    }

    /** The tier as answers name it, e.g. "same-network". */
    public String label() {
        return label;
    }
}
