package org.mirrorwatch.probing.control;

import java.util.List;
import java.util.Optional;
import org.mirrorwatch.registry.entity.FamilyReachability;
import org.mirrorwatch.registry.entity.TlsCertificate;

/**
 * The (series, flavour) pairs a release mirror carries completely, out of those it should, and what the
 * probe found of its HTTPS certificate and on each address family.
 */
public record ReleaseProbeOutcome(ReleaseTarget target, List<ImagePair> found, String log, boolean crashed,
        Optional<TlsCertificate> tls, Optional<FamilyReachability> families) implements ProbeOutcome {

    public boolean lacksAnyPair() {
        return found.size() < target.pairs().size();
    }
}
