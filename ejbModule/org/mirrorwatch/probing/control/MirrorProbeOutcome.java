package org.mirrorwatch.probing.control;

import java.util.List;
import java.util.Optional;
import org.mirrorwatch.registry.entity.FamilyReachability;
import org.mirrorwatch.registry.entity.TlsCertificate;

/**
 * Everything one probe of a mirror found, collected in memory until it is recorded in one transaction.
 * A probe that failed in Mirrorwatch itself ({@code crashed}) says nothing about the mirror and is not
 * recorded as if the mirror carried nothing. {@code tls} is what the probe found of the HTTPS URL's
 * certificate, empty for a mirror without one; {@code families} what it found on each address family, empty
 * when it did not check them; {@code trace} what it read of the trace file and the sync marker, empty when
 * the distribution has neither; {@code suites} what it found of each suite's consistency.
 */
public record MirrorProbeOutcome(MirrorTarget target, List<IndexOutcome> indexes, String log, boolean crashed,
        Optional<TlsCertificate> tls, Optional<FamilyReachability> families, Optional<TraceFinding> trace,
        List<SuiteOutcome> suites) implements ProbeOutcome {

    public MirrorProbeOutcome(MirrorTarget target, List<IndexOutcome> indexes, String log) {
        this(target, indexes, log, false, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    public boolean carriesContent() {
        return indexes.stream().anyMatch(IndexOutcome::present);
    }
}
