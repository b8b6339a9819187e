package org.mirrorwatch.probing.control;

import java.util.List;

/**
 * Everything one probe of a mirror found, collected in memory until it is recorded in one transaction.
 * A probe that failed in Mirrorwatch itself ({@code crashed}) says nothing about the mirror and is not
 * recorded as if the mirror carried nothing.
 */
public record MirrorProbeOutcome(MirrorTarget target, List<IndexOutcome> indexes, String log, boolean crashed)
        implements ProbeOutcome {

    public MirrorProbeOutcome(MirrorTarget target, List<IndexOutcome> indexes, String log) {
        this(target, indexes, log, false);
    }

    public boolean carriesContent() {
        return indexes.stream().anyMatch(IndexOutcome::present);
    }
}
