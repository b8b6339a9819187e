package org.mirrorwatch.probing.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.probing.boundary.RoundAlreadyRunningException;
import org.mirrorwatch.probing.entity.ProbeRun;
import org.mirrorwatch.probing.entity.RunTrigger;
import org.mirrorwatch.registry.control.ProbeQueue;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorContent;

/**
 * Starts rounds on the container's managed executor. The timer calls it directly, having no caller to
 * check, and the ProbeRounds facade calls it for operators; so securing the facade leaves the timer be.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RoundStarter {

    private static final Logger LOG = Logger.getLogger(RoundStarter.class.getName());

    @Inject
    ProbeRunStore runs;

    @Inject
    RoundRunner runner;

    @Inject
    RoundParticipant participant;

    @Inject
    ProbeQueue queue;

    @PersistenceContext
    EntityManager em;

    @Inject
    ProbeSettings settings;

    @Resource(lookup = "java:comp/env/concurrent/mirrorwatch-probe")
    ManagedExecutorService executor;

    /**
     * Starts a round of the mirrors of this content type that are due, at most the batch size. The round is
     * shared work: it is opened on this instance's managed executor (its mirrors become host claims), and
     * every live instance takes claims of it.
     *
     * @throws RoundAlreadyRunningException when a round of this content type is running
     */
    public ProbeRun startRound(MirrorContent content, RunTrigger trigger) {
        ProbeRun run = runs.startLeasedRound(content, trigger, settings.getInstanceName());
        try {
            return open(run, content, trigger);
        } catch (RuntimeException e) {
            // Left RUNNING, the round would hold its lease until some later start found it expired.
            LOG.log(Level.WARNING, "Probe round " + run.getId() + " of " + content + " mirrors could not be opened", e);
            runs.abort(run.getId(), "The round could not be opened: " + e);
            throw e;
        }
    }

    private ProbeRun open(ProbeRun run, MirrorContent content, RunTrigger trigger) {
        int batchSize = settings.getBatchSize(content);
        List<Long> dueAndOneMore = queue.due(content, batchSize + 1);
        List<Long> due = dueAndOneMore.subList(0, Math.min(batchSize, dueAndOneMore.size()));
        runs.plan(run.getId(), due.size());
        LOG.info(() -> "Probe round " + run.getId() + " of " + content + " mirrors started by " + trigger + ": "
                + due.size() + " mirrors due");
        if (dueAndOneMore.size() > batchSize) {
            // Silently leaving mirrors for later rounds would look like a registry half probed for no reason.
            LOG.warning(() -> "Probe round " + run.getId() + " of " + content + " mirrors takes only " + batchSize
                    + " of the " + queue.countDue(content) + " due mirrors; the rest wait for later rounds."
                    + " Raise " + ProbeSettings.batchSizeSetting(content) + " to probe them all each round");
        }
        participant.open(run.getId(), content, List.copyOf(due));
        return runs.find(run.getId());
    }

    /** Probes one mirror now, whether it is due or not: on this instance, with no claims and no lease. */
    public ProbeRun probeMirrorNow(long mirrorId) {
        DistributionMirror mirror = Optional.ofNullable(em.find(DistributionMirror.class, mirrorId))
                .orElseThrow(() -> new NotFoundException("mirror", mirrorId));
        ProbeRun run = runs.startUnleasedRound(mirror.getContent(), RunTrigger.MIRROR);
        runs.plan(run.getId(), 1);
        LOG.info(() -> "Probe round " + run.getId() + " started for mirror " + mirror.getName());
        executor.execute(() -> runner.run(run.getId(), mirror.getContent(), List.of(mirrorId)));
        return runs.find(run.getId());
    }
}
