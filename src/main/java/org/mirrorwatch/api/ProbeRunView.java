package org.mirrorwatch.api;

import java.time.Instant;
import org.mirrorwatch.probing.entity.ProbeRun;

/** A probe round with its live counters. */
public record ProbeRunView(long id, String content, String trigger, String state, Instant started, Instant finished,
        int mirrorsTotal, int mirrorsDone, long requests, long failures, String currentMirror) {

    static ProbeRunView of(ProbeRun run) {
        return new ProbeRunView(run.getId(), run.getContent().name(), run.getTrigger().name(), run.getState().name(),
                run.getStarted(), run.getFinished(), run.getMirrorsTotal(), run.getMirrorsDone(), run.getRequests(),
                run.getFailures(), run.getCurrentMirror());
    }
}
