package org.mirrorwatch.reference.entity;

/** A pocket of a series, in the order Launchpad iterates them, with its suffix in dists/. */
public enum PackagePublishingPocket {
    /** The series as released. */
    RELEASE(""),
    /** Newer versions backported from later series. */
    BACKPORTS("-backports"),
    /** Security fixes. */
    SECURITY("-security"),
    /** Recommended updates. */
    UPDATES("-updates"),
    /** Updates on trial before they go to -updates. */
    PROPOSED("-proposed");

    private final String suffix;

    PackagePublishingPocket(String suffix) {
        this.suffix = suffix;
    }

    /** The suffix of the suite name, e.g. "-security" in "hoary-security". */
    public String suffix() {
        return suffix;
    }
}
