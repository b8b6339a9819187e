package org.mirrorwatch.probing.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.probing.control.ProbeRunStore;
import org.mirrorwatch.probing.control.RoundStarter;
import org.mirrorwatch.probing.entity.ProbeRun;
import org.mirrorwatch.probing.entity.RunTrigger;
import org.mirrorwatch.registry.entity.MirrorContent;

/**
 * Probe rounds for operators: start a round now, probe one mirror now, follow a round's live counters,
 * and read the history of rounds. A round runs on the container's managed executor; a start returns as
 * soon as the round is recorded.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProbeRounds {

    @Inject
    RoundStarter starter;

    @Inject
    ProbeRunStore runs;

    /**
     * Starts a round of the mirrors of this content type that are due, at most the batch size.
     *
     * @throws RoundAlreadyRunningException when a round of this content type is running
     */
    public ProbeRun startRound(MirrorContent content, RunTrigger trigger) {
        return starter.startRound(content, trigger);
    }

    /** Probes one mirror now, whether it is due or not. */
    public ProbeRun probeMirrorNow(long mirrorId) {
        return starter.probeMirrorNow(mirrorId);
    }

    public ProbeRun getRun(long runId) {
        return findRun(runId).orElseThrow(() -> new NotFoundException("probe round", runId));
    }

    public Optional<ProbeRun> findRun(long runId) {
        return Optional.ofNullable(runs.find(runId));
    }

    /** The latest rounds, newest first. */
    public List<ProbeRun> recentRuns(int limit) {
        return runs.recent(limit);
    }
}
