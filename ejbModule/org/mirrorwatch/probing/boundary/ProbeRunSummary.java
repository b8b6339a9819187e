package org.mirrorwatch.probing.boundary;

import java.time.Instant;
import java.util.List;
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
 * @param claimsQueued the round's host claims that no instance holds (0 for a round of one mirror, which has none)
 * @param instances each instance's share of the round's claims, by name (empty for a round of one mirror)
 */
public record ProbeRunSummary(long id, MirrorContent content, RunTrigger trigger, RunState state, Instant started,
        Instant finished, int mirrorsTotal, int mirrorsDone, long requests, long failures, String currentMirror,
        int claimsQueued, List<InstanceClaims> instances) {

    public ProbeRunSummary {
        instances = List.copyOf(instances);
    }

    /**
     * The share of the round's mirrors probed so far, in whole percent. A running round that has not
     * planned its mirrors yet is at 0; an ended round with none at all is complete.
     */
    public int percentDone() {
        if (mirrorsTotal == 0) {
            return state == RunState.RUNNING ? 0 : 100;
        }
        return (int) Math.round(100.0 * mirrorsDone / mirrorsTotal);
    }

    public boolean running() {
        return state == RunState.RUNNING;
    }

    /** As callers who are not administrators see it: no mirror named, and no instance (they name servers). */
    ProbeRunSummary asOthersSeeIt() {
        return new ProbeRunSummary(id, content, trigger, state, started, finished, mirrorsTotal, mirrorsDone, requests,
                failures, null, claimsQueued, List.of());
    }

    static ProbeRunSummary of(ProbeRun run, int claimsQueued, List<InstanceClaims> instances) {
        return new ProbeRunSummary(run.getId(), run.getContent(), run.getTrigger(), run.getState(), run.getStarted(),
                run.getFinished(), run.getMirrorsTotal(), run.getMirrorsDone(), run.getRequests(), run.getFailures(),
                run.getCurrentMirror(), claimsQueued, instances);
    }
}
