package org.mirrorwatch.probing.boundary;

import java.time.Instant;
import org.mirrorwatch.probing.entity.ProbeRun;
import org.mirrorwatch.probing.entity.RunState;
import org.mirrorwatch.probing.entity.RunTrigger;
import org.mirrorwatch.registry.entity.MirrorContent;

/**
 * A probe round with its live counters, as screens and the API show it; the round's log stays behind.
 *
 * @param finished null while the round runs
 * @param currentMirror the mirror being probed; null once the round has ended, and for callers who may not
 *     know of it
 */
public record ProbeRunSummary(long id, MirrorContent content, RunTrigger trigger, RunState state, Instant started,
        Instant finished, int mirrorsTotal, int mirrorsDone, long requests, long failures, String currentMirror) {

    ProbeRunSummary withoutCurrentMirror() {
        return new ProbeRunSummary(id, content, trigger, state, started, finished, mirrorsTotal, mirrorsDone, requests,
                failures, null);
    }

    static ProbeRunSummary of(ProbeRun run) {
        return new ProbeRunSummary(run.getId(), run.getContent(), run.getTrigger(), run.getState(), run.getStarted(),
                run.getFinished(), run.getMirrorsTotal(), run.getMirrorsDone(), run.getRequests(), run.getFailures(),
                run.getCurrentMirror());
    }
}
