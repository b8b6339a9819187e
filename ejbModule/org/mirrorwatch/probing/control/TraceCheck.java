package org.mirrorwatch.probing.control;

import java.util.Optional;
import org.mirrorwatch.reference.entity.TraceFormat;

/**
 * The trace file and the sync marker a probe reads beside the pool files, as the mirror's distribution
 * configures them.
 *
 * @param traceUrl  the trace file on this mirror; empty when the distribution has none (format NONE)
 * @param markerUrl the sync marker on this mirror, its name with the mirror's host put in; empty for none
 */
public record TraceCheck(TraceFormat format, Optional<String> traceUrl, Optional<String> markerUrl) {

    /** The same files at another base URL. */
    TraceCheck rebased(String from, String to) {
        return new TraceCheck(format, traceUrl.map(url -> ProbeTarget.rebase(url, from, to)),
                markerUrl.map(url -> ProbeTarget.rebase(url, from, to)));
    }
}
