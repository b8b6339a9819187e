package org.mirrorwatch.probing.boundary;

import org.mirrorwatch.platform.JsonBuilders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mirrorwatch.identity.control.Callers;
import org.mirrorwatch.identity.control.AuditTrail;
import org.mirrorwatch.identity.control.Caller;
import org.mirrorwatch.identity.control.Roles;
import org.mirrorwatch.identity.entity.AuditAction;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.probing.control.ClaimStore;
import org.mirrorwatch.probing.control.ProbeRunStore;
import org.mirrorwatch.probing.control.RoundStarter;
import org.mirrorwatch.probing.entity.ProbeRun;
import org.mirrorwatch.probing.entity.RunState;
import org.mirrorwatch.probing.entity.RunTrigger;
import org.mirrorwatch.registry.control.OwnerReprobes;
import org.mirrorwatch.registry.entity.DistributionMirror;
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

    @Inject
    Callers callers;

    @Inject
    OwnerReprobes reprobes;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    ClaimStore claims;

    /**
     * Starts a round of the mirrors of this content type that are due, at most the batch size.
     *
     * @throws RoundAlreadyRunningException when a round of this content type is running
     */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public ProbeRunSummary startRound(MirrorContent content, RunTrigger trigger) {
        Caller caller = callers.caller();
        ProbeRun run = starter.startRound(content, trigger);
        audit.record(caller, AuditAction.PROBE_ROUND_STARTED, AuditTrail.PROBE_ROUND, run.getId(),
                "round " + run.getId(), null, JsonBuilders.object().add("content", content.name())
                        .add("trigger", trigger.name()).add("mirrors", run.getMirrorsTotal()).build());
        return summaryOf(run);
    }

    /** Probes one mirror now, whether it is due or not. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public ProbeRunSummary probeMirrorNow(long mirrorId) {
        Caller caller = callers.caller();
        String mirrorName = Optional.ofNullable(em.find(DistributionMirror.class, mirrorId))
                .orElseThrow(() -> new NotFoundException("mirror", mirrorId)).getName();
        ProbeRun run = starter.probeMirrorNow(mirrorId);
        audit.record(caller, AuditAction.MIRROR_PROBED_NOW, AuditTrail.MIRROR, mirrorId, mirrorName, null,
                JsonBuilders.object().add("round", run.getId()).build());
        return summaryOf(run);
    }

    /**
     * Probes one mirror now at its owner's or an administrator's request. An owner may ask once per
     * {@code mirrorwatch.probe.reprobe-gap} for each mirror; administrators may always.
     *
     * @throws org.mirrorwatch.platform.TooManyRequestsException when the owner asked too recently
     */
    @RolesAllowed(Roles.PERSON)
    public ProbeRunSummary requestProbe(long mirrorId) {
        Caller caller = callers.caller();
        String mirrorName = reprobes.admit(caller, mirrorId).getName();
        ProbeRun run = starter.probeMirrorNow(mirrorId);
        audit.record(caller, AuditAction.MIRROR_PROBED_NOW, AuditTrail.MIRROR, mirrorId, mirrorName, null,
                JsonBuilders.object().add("round", run.getId()).build());
        return summaryOf(run);
    }

    public ProbeRunSummary getRun(long runId) {
        return findRun(runId).orElseThrow(() -> new NotFoundException("probe round", runId));
    }

    public Optional<ProbeRunSummary> findRun(long runId) {
        return Optional.ofNullable(runs.find(runId)).map(this::asTheCallerMaySeeIt);
    }

    /**
     * The latest rounds, newest first. The claims are counted for the running rounds only, which the live
     * panel follows every second; an ended round's are read one round at a time ({@link #getRun}).
     */
    public List<ProbeRunSummary> recentRuns(int limit) {
        return runs.recent(limit).stream().map(run -> run.getState() == RunState.RUNNING ? asTheCallerMaySeeIt(run)
                : hideCurrentMirrorFromOthers(ProbeRunSummary.of(run, 0, List.of()))).toList();
    }

    /** The instances that told they are up, the latest heartbeat first, and when each last did. */
    @RolesAllowed(Roles.MIRROR_ADMIN)
    public List<ProbeInstance> instances() {
        return claims.instances();
    }

    /**
     * Every round running now: the archive's first, then the CD images', each content's oldest first, so a
     * panel that follows them keeps its order while they run. A round of one mirror ("probe now") counts.
     */
    public List<ProbeRunSummary> runningRounds() {
        return runs.running().stream().map(this::asTheCallerMaySeeIt)
                .sorted(Comparator.comparing(ProbeRunSummary::content)).toList();
    }

    /**
     * The mirror being probed is named to administrators only: a round also probes disabled mirrors, which
     * nobody else may know of. So are the instances, whose names name servers.
     */
    private ProbeRunSummary asTheCallerMaySeeIt(ProbeRun run) {
        return hideCurrentMirrorFromOthers(summaryOf(run));
    }

    private ProbeRunSummary hideCurrentMirrorFromOthers(ProbeRunSummary summary) {
        return callers.currentCaller().filter(Caller::mirrorAdmin).isPresent() ? summary
                : summary.asOthersSeeIt();
    }

    /** The round with its claims: those queued, and each instance's share. */
    private ProbeRunSummary summaryOf(ProbeRun run) {
        if (run.getTrigger() == RunTrigger.MIRROR) {
            return ProbeRunSummary.of(run, 0, List.of());
        }
        return ProbeRunSummary.of(run, claims.queued(run.getId()), claims.byInstance(run.getId()));
    }
}
