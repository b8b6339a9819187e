package org.mirrorwatch.probing.control;

/**
 * What a probe found of one suite's consistency on a mirror: whether the sizes its InRelease (or Release)
 * promises for the index files probed are the sizes the mirror serves them with.
 *
 * @param suite  the suite, as in {@code dists/<suite>/}, e.g. "hoary-security"
 * @param detail what was compared or why nothing was, for the log and the owner's mail
 */
public record SuiteOutcome(String suite, Consistency consistency, String detail) {

    /** How a suite's indexes compare with its Release file. */
    public enum Consistency {
        /** Every index probed with a known size has the size the Release file promises. */
        CONSISTENT,
        /** At least one index probed is served with another size than the Release file promises: apt fails. */
        INCONSISTENT,
        /** Nothing to compare: no index with a known size, or no Release file to be read. */
        UNCHECKED
    }

    public boolean inconsistent() {
        return consistency == Consistency.INCONSISTENT;
    }
}
