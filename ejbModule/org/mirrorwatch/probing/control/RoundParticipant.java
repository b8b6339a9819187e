package org.mirrorwatch.probing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mirrorwatch.probing.http.ProbeClient;
import org.mirrorwatch.registry.entity.MirrorContent;

/**
 * This instance's part in shared rounds. The instance that starts a round opens it (plans the due mirrors
 * and puts one claim per host in the queue) and then works on it like any other: a participant takes
 * claims of the round, a capacity's worth at a time ({@link HostClaims#capacity}), probes their mirrors
 * through one HTTP client (whose limits pace them, per host and overall for this instance), records each
 * mirror as its probe completes, and marks a claim DONE once its mirrors are recorded. Every lease-ttl/3
 * (at most every 2 s) a heartbeat on the container's scheduler renews its claims, the round's lease and
 * counters. When it finds nothing left to take and nothing in
 * flight, it stops, and finishes the round if no claim of any instance is left.
 *
 * <p>The instance keeps one participant per round at most; the set of rounds it works on is the only
 * state held across rounds.
 */
@ApplicationScoped
public class RoundParticipant {

    private static final Logger LOG = Logger.getLogger(RoundParticipant.class.getName());

    @Inject
    ProbePlanner planner;

    @Inject
    ProbeRecorder recorder;

    @Inject
    ProbeRunStore runs;

    @Inject
    ClaimStore claims;

    @Inject
    ProbeSettings settings;

    @Inject
    ManifestFetcher manifests;

    @Inject
    Clock clock;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Resource(lookup = "java:comp/env/concurrent/mirrorwatch-probe")
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** The rounds this instance works on now. */
    private final Set<Long> working = ConcurrentHashMap.newKeySet();

    /** Opens a round this instance started, on the managed executor, and works on it. */
    public void open(long runId, MirrorContent content, List<Long> mirrorIds) {
        working.add(runId);
        try {
            executor.execute(() -> {
                try {
                    List<Long> planned = content == MirrorContent.RELEASE ? withManifest(runId, mirrorIds) : mirrorIds;
                    runs.log(runId, "INFO", "Probing Distribution Mirrors");
                    int hosts = claims.open(runId, planned);
                    LOG.info(() -> "Probe round " + runId + ": " + planned.size() + " mirrors in " + hosts
                            + " host claims");
                } catch (RuntimeException e) {
                    working.remove(runId);
                    LOG.log(Level.SEVERE, "Probe round " + runId + " failed", e);
                    runs.abort(runId, "The round failed: " + e);
                    return;
                }
                work(runId, content);
            });
        } catch (RuntimeException e) {
            working.remove(runId);
            throw e;
        }
    }

    /** Starts working on a running round that has claims to take, unless this instance works on it already. */
    public void join(long runId, MirrorContent content) {
        if (!working.add(runId)) {
            return;
        }
        try {
            executor.execute(() -> work(runId, content));
        } catch (RuntimeException e) {
            working.remove(runId);
            throw e;
        }
    }

    /**
     * Refreshes the manifests that are fetched from a URL, then leaves out the mirrors whose distribution
     * has none; a failed fetch keeps the stored one.
     */
    private List<Long> withManifest(long runId, List<Long> mirrorIds) {
        manifests.refreshFetchedManifests().forEach(problem -> runs.log(runId, "WARNING", problem));
        List<Long> planned = planner.planRelease(mirrorIds).stream().map(ProbeTarget::mirrorId).toList();
        if (planned.size() < mirrorIds.size()) {
            runs.log(runId, "WARNING", (mirrorIds.size() - planned.size()) + " release mirrors were not probed:"
                    + " their distribution has no CD-image manifest.");
        }
        return planned;
    }

    private void work(long runId, MirrorContent content) {
        String me = settings.getInstanceName();
        try {
            probeClaims(runId, content, me);
            runs.finishIfAllClaimsDone(runId).ifPresent(recorded ->
                    LOG.info(() -> "Probe round " + runId + " done: " + recorded + " mirrors"));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Probe round " + runId + " failed", e);
            runs.abort(runId, "The round failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping(runId, me);
        } finally {
            working.remove(runId);
        }
    }

    /** The server stops: another live instance takes this one's claims at once; with none, the round ends. */
    private void stopping(long runId, String me) {
        int handedBack = claims.handBack(runId, me);
        if (claims.othersAlive(me)) {
            LOG.info(() -> "Probe round " + runId + ": " + handedBack + " host claims handed back, as this server"
                    + " is stopping; another instance takes them");
        } else {
            LOG.warning(() -> "Probe round " + runId + " aborted: its server is stopping and no other instance is up");
            runs.abort(runId, "The round was interrupted, as its server is stopping.");
        }
    }

    private void probeClaims(long runId, MirrorContent content, String me) throws InterruptedException {
        // The claims and the lease need a beat every lease-ttl/3; the live counters want one every few seconds.
        long period = Math.min(2000, Math.max(1000, settings.getLeaseTtl().toMillis() / 3));
        int capacity = HostClaims.capacity(settings.getLimits().perHost(), settings.getLimits().overall());
        try (ProbeClient http = settings.newClient(threads, clock)) {
            MirrorProber prober = MirrorProber.over(http, clock);
            BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
            Map<Long, String> inFlight = new ConcurrentHashMap<>();
            Map<Long, Integer> unrecorded = new HashMap<>();
            Heartbeat heartbeat = new Heartbeat(runId, me, http, inFlight);
            // Its own thread: planning or recording may take longer than a claim's lifetime, and must not
            // make the claims look abandoned.
            ScheduledFuture<?> beating = scheduler.scheduleAtFixedRate(heartbeat, period, period, TimeUnit.MILLISECONDS);
            try {
                boolean lookForMore = true;
                while (!heartbeat.aborted()) {
                    if (lookForMore && unrecorded.size() < capacity) {
                        lookForMore = false;
                        List<Claim> taken = claims.take(runId, me, capacity - unrecorded.size());
                        Map<Long, List<ProbeTarget>> planned = plan(runId, content, taken);
                        for (Claim claim : taken) {
                            if (unrecorded.containsKey(claim.id())) {
                                // This participant's own claim, whose beats came late (a pause longer than
                                // the lease-ttl): its probes are in flight here already.
                                continue;
                            }
                            List<ProbeTarget> targets = planned.get(claim.id());
                            if (targets.isEmpty()) {
                                claims.done(claim.id(), me);
                                lookForMore = true;
                                continue;
                            }
                            unrecorded.put(claim.id(), targets.size());
                            for (ProbeTarget target : targets) {
                                inFlight.put(target.mirrorId(), target.name());
                                prober.probe(target).whenComplete((outcome, failure) -> {
                                    inFlight.remove(target.mirrorId());
                                    finished.add(new Finished(claim.id(),
                                            outcome != null ? outcome : FinishedProbes.crashed(target, failure)));
                                });
                            }
                        }
                        if (unrecorded.isEmpty() && !lookForMore) {
                            break;
                        }
                    }
                    Finished done = finished.poll(period, TimeUnit.MILLISECONDS);
                    if (done == null) {
                        // Claims another instance dropped come back to the queue while this one works.
                        lookForMore = true;
                        continue;
                    }
                    FinishedProbes.recordSafely(recorder, done.outcome(), runId, done.claimId());
                    boolean lastOfClaim = unrecorded.merge(done.claimId(), -1, Integer::sum) == 0;
                    claims.recorded(runId, done.claimId(), done.outcome().target().mirrorId(), lastOfClaim ? me : null);
                    if (lastOfClaim) {
                        unrecorded.remove(done.claimId());
                        lookForMore = true;
                    }
                }
            } finally {
                beating.cancel(false);
            }
            heartbeat.run();
        }
    }

    /**
     * The participant's heartbeat, on the container's scheduler: its claims and the round's lease, and the
     * requests and failures since the last beat. The last beat, once the work is done, runs on the
     * participant's thread; the lock keeps a beat from counting what another counted.
     */
    private final class Heartbeat implements Runnable {

        private final long runId;
        private final String me;
        private final ProbeClient http;
        private final Map<Long, String> inFlight;
        private long reportedRequests;
        private long reportedFailures;
        /** Another participant aborted the round: what this one still holds is not wanted any more. */
        private volatile boolean aborted;
        private boolean failing;

        boolean aborted() {
            return aborted;
        }

        Heartbeat(long runId, String me, ProbeClient http, Map<Long, String> inFlight) {
            this.runId = runId;
            this.me = me;
            this.http = http;
            this.inFlight = inFlight;
        }

        @Override
        public synchronized void run() {
            long requests = http.requests();
            long failures = http.failures();
            try {
                boolean going = claims.beat(runId, me, requests - reportedRequests, failures - reportedFailures,
                        inFlight.values().stream().findFirst().orElse(null));
                reportedRequests = requests;
                reportedFailures = failures;
                if (!going && !aborted) {
                    aborted = true;
                    LOG.info(() -> "Probe round " + runId + " was aborted (its log says why); " + me + " stops probing its "
                            + inFlight.size() + " mirrors in flight");
                }
                if (failing) {
                    failing = false;
                    LOG.info(() -> "Probe round " + runId + ": the heartbeat of " + me + "'s claims works again");
                }
            } catch (RuntimeException e) {
                // The next beat tries again; a claim is lost only after a lease-ttl without one. One line per
                // outage, not one every beat.
                if (!failing) {
                    failing = true;
                    LOG.log(Level.WARNING, "Probe round " + runId + ": the heartbeat of " + me + "'s claims failed;"
                            + " trying again every beat", e);
                }
            }
        }
    }

    /**
     * The mirrors of the claims just taken as the round probes them, by claim: planned together, so each
     * publication key's paths are read once per batch. Mirrors deleted since the round started are left out.
     */
    private Map<Long, List<ProbeTarget>> plan(long runId, MirrorContent content, List<Claim> taken) {
        List<Long> mirrorIds = taken.stream().flatMap(claim -> claim.mirrorIds().stream()).toList();
        Map<Long, ProbeTarget> byMirror = new HashMap<>();
        if (!mirrorIds.isEmpty()) {
            (content == MirrorContent.RELEASE ? planner.planRelease(mirrorIds) : planner.plan(mirrorIds, clock.instant()))
                    .forEach(target -> byMirror.put(target.mirrorId(), target));
        }
        Map<Long, List<ProbeTarget>> byClaim = new HashMap<>();
        for (Claim claim : taken) {
            List<ProbeTarget> targets = new ArrayList<>();
            List<Long> gone = new ArrayList<>();
            for (long mirrorId : claim.mirrorIds()) {
                ProbeTarget target = byMirror.get(mirrorId);
                if (target != null) {
                    targets.add(target);
                } else {
                    gone.add(mirrorId);
                }
            }
            if (!gone.isEmpty()) {
                claims.leftOut(runId, claim.id(), gone);
            }
            byClaim.put(claim.id(), targets);
        }
        return byClaim;
    }

    /** A probe of one of the claim's mirrors, done. */
    private record Finished(long claimId, ProbeOutcome outcome) {
    }
}
