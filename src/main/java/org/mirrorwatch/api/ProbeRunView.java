package org.mirrorwatch.api;

import java.time.Instant;
import java.util.List;
import org.mirrorwatch.probing.boundary.InstanceClaims;
import org.mirrorwatch.probing.boundary.ProbeRunSummary;

/**
 * A probe round with its live counters, and how its host claims are shared out: those queued, and per
 * instance those it holds and those it did, with its last heartbeat. The instances are shown to
 * administrators only, and in a list of rounds for the running ones only.
 */
public record ProbeRunView(long id, String content, String trigger, String state, Instant started, Instant finished,
        int mirrorsTotal, int mirrorsDone, long requests, long failures, String currentMirror, int claimsQueued,
        List<InstanceView> instances) {

    /** One instance's share of a round's host claims. */
    public record InstanceView(String instance, int claimsHeld, int claimsDone, Instant lastHeartbeat) {

        static InstanceView of(InstanceClaims claims) {
            return new InstanceView(claims.instance(), claims.claimed(), claims.done(), claims.lastHeartbeat());
        }
    }

    static ProbeRunView of(ProbeRunSummary run) {
        return new ProbeRunView(run.id(), run.content().name(), run.trigger().name(), run.state().name(),
                run.started(), run.finished(), run.mirrorsTotal(), run.mirrorsDone(), run.requests(),
                run.failures(), run.currentMirror(), run.claimsQueued(),
                run.instances().stream().map(InstanceView::of).toList());
    }
}
