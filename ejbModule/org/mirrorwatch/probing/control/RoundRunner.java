package org.mirrorwatch.probing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mirrorwatch.probing.http.ProbeClient;
import org.mirrorwatch.registry.entity.MirrorContent;

/**
 * Runs a round of one mirror ("probe now", no lease and no claims) on this instance's managed thread;
 * rounds of the due mirrors are shared by the instances ({@link RoundParticipant}). It runs it: plans it, starts every mirror's probe at once (the HTTP client's
 * limits pace them), and records each mirror as its probe completes. The thread waits on a queue of
 * finished probes, never on a socket, and renews the round's lease while it waits.
 */
@ApplicationScoped
public class RoundRunner {

    private static final Logger LOG = Logger.getLogger(RoundRunner.class.getName());

    @Inject
    ProbePlanner planner;

    @Inject
    ProbeRecorder recorder;

    @Inject
    ProbeRunStore runs;

    @Inject
    ProbeSettings settings;

    @Inject
    ManifestFetcher manifests;

    @Inject
    Clock clock;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    public void run(long runId, MirrorContent content, List<Long> mirrorIds) {
        try {
            runs.log(runId, "INFO", "Probing Distribution Mirrors");
            List<? extends ProbeTarget> targets = content == MirrorContent.RELEASE
                    ? planRelease(runId, mirrorIds) : planner.plan(mirrorIds, clock.instant());
            runs.plan(runId, targets.size());
            int recorded = probe(runId, targets);
            runs.log(runId, "INFO", "Probed " + recorded + " mirrors.");
            runs.log(runId, "INFO", "Done.");
            runs.finish(runId);
            LOG.info(() -> "Probe round " + runId + " done: " + recorded + " mirrors");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Probe round " + runId + " failed", e);
            runs.abort(runId, "The round failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runs.abort(runId, "The round was interrupted, as its server is stopping.");
        }
    }

    /** Refreshes the manifests that are fetched from a URL, then plans; a failed fetch keeps the stored one. */
    private List<ReleaseTarget> planRelease(long runId, List<Long> mirrorIds) {
        manifests.refreshFetchedManifests().forEach(problem -> runs.log(runId, "WARNING", problem));
        List<ReleaseTarget> targets = planner.planRelease(mirrorIds);
        if (targets.size() < mirrorIds.size()) {
            runs.log(runId, "WARNING", (mirrorIds.size() - targets.size()) + " release mirrors were not probed:"
                    + " their distribution has no CD-image manifest.");
        }
        return targets;
    }

    private int probe(long runId, List<? extends ProbeTarget> targets) throws InterruptedException {
        long heartbeat = Math.max(1000, settings.getLeaseTtl().toMillis() / 3);
        try (ProbeClient http = settings.newClient(threads, clock)) {
            MirrorProber prober = MirrorProber.over(http, clock);
            BlockingQueue<ProbeOutcome> finished = new LinkedBlockingQueue<>();
            Map<Long, String> inFlight = new ConcurrentHashMap<>();
            for (ProbeTarget target : targets) {
                inFlight.put(target.mirrorId(), target.name());
                prober.probe(target).whenComplete((outcome, failure) -> {
                    inFlight.remove(target.mirrorId());
                    finished.add(outcome != null ? outcome : FinishedProbes.crashed(target, failure));
                });
            }
            int recorded = 0;
            while (recorded < targets.size()) {
                ProbeOutcome outcome = finished.poll(heartbeat, TimeUnit.MILLISECONDS);
                if (outcome != null) {
                    FinishedProbes.recordSafely(recorder, outcome);
                    recorded++;
                }
                String current = inFlight.values().stream().findFirst().orElse(null);
                runs.progress(runId, recorded, http.requests(), http.failures(), current);
            }
            return recorded;
        }
    }
}
