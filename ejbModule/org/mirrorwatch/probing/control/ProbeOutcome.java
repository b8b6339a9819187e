package org.mirrorwatch.probing.control;

import java.util.Optional;
import org.mirrorwatch.registry.entity.FamilyReachability;
import org.mirrorwatch.registry.entity.TlsCertificate;

/** What one probe of a mirror found, held in memory until it is recorded. */
public sealed interface ProbeOutcome permits MirrorProbeOutcome, ReleaseProbeOutcome {

    ProbeTarget target();

    String log();

    /** True when Mirrorwatch itself failed, so the probe says nothing about the mirror. */
    boolean crashed();

    /** What the probe found of the HTTPS URL's certificate; empty when the mirror has no HTTPS URL. */
    Optional<TlsCertificate> tls();

    /** What the probe found on each address family; empty when it found no file to ask for again. */
    Optional<FamilyReachability> families();
}
