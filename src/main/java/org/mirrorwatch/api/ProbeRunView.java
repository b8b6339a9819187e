package org.mirrorwatch.api;

import java.time.Instant;
import org.mirrorwatch.probing.boundary.ProbeRunSummary;

/** A probe round with its live counters. */
public record ProbeRunView(long id, String content, String trigger, String state, Instant started, Instant finished,
        int mirrorsTotal, int mirrorsDone, long requests, long failures, String currentMirror) {

    static ProbeRunView of(ProbeRunSummary run) {
        return new ProbeRunView(run.id(), run.content().name(), run.trigger().name(), run.state().name(),
                run.started(), run.finished(), run.mirrorsTotal(), run.mirrorsDone(), run.requests(),
                run.failures(), run.currentMirror());
    }
}
