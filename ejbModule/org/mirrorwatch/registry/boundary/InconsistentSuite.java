package org.mirrorwatch.registry.boundary;

import java.time.Instant;
import org.mirrorwatch.registry.entity.SuiteInconsistency;

/**
 * A suite a mirror serves inconsistently now, as pages and the API show it.
 *
 * @param since  when the first probe of this episode found it
 * @param probes how many probes in a row have found it
 * @param detail which index sizes differ from what the suite's InRelease promises
 */
public record InconsistentSuite(String suite, Instant since, int probes, String detail) {

    static InconsistentSuite of(SuiteInconsistency row) {
        return new InconsistentSuite(row.getSuite(), row.getFirstSeen(), row.getProbes(), row.getDetail());
    }
}
