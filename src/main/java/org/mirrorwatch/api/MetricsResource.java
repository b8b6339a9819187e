package org.mirrorwatch.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.micrometer.core.instrument.FunctionCounter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.mirrorwatch.routing.boundary.MirrorRouting;
import org.mirrorwatch.routing.boundary.RoutingSnapshotFacade;
import org.mirrorwatch.routing.boundary.RoutingSnapshotFacade.SnapshotStatus;
import org.mirrorwatch.routing.control.RoutingTier;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.mirrorwatch.operations.OperationalFigures;
import org.mirrorwatch.operations.OperationalFigures.RoundTotals;
import org.mirrorwatch.operations.OperationalFigures.TlsExpiry;
import org.mirrorwatch.platform.AddressFamily;
import org.mirrorwatch.registry.entity.FamilyState;
import org.mirrorwatch.registry.entity.TlsState;
import java.util.LinkedHashMap;
import java.util.List;
import org.mirrorwatch.registry.entity.MirrorStatus;

/**
 * Metrics in the Prometheus text format, from Micrometer's registry bundled in the WAR: probe rounds,
 * their requests and failures, mirrors per freshness status, and the mail outbox's backlog. The figures
 * live in the database (rounds may run on another instance), so each scrape reads them there first.
 */
@Path("metrics")
@ApplicationScoped
public class MetricsResource {

    /** The Prometheus text exposition format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    OperationalFigures figures;

    @Inject
    MirrorRouting routing;

    @Inject
    RoutingSnapshotFacade snapshots;

    @Inject
    Clock clock;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicLong roundsDone = new AtomicLong();
    private final AtomicLong roundsFailed = new AtomicLong();
    private final AtomicLong roundsRunning = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong outboxBacklog = new AtomicLong();
    private final Map<MirrorStatus, AtomicLong> mirrors = new EnumMap<>(MirrorStatus.class);
    private final AtomicReference<SnapshotStatus> snapshot = new AtomicReference<>();
    private final Map<TlsState, AtomicLong> mirrorsByTls = new EnumMap<>(TlsState.class);
    private final Map<String, AtomicLong> mirrorsByFamily = new LinkedHashMap<>();
    private final Map<Integer, AtomicLong> tlsExpiringWithin = new LinkedHashMap<>();
    private final AtomicReference<Double> tlsEarliestExpiryDays = new AtomicReference<>(Double.NaN);
    private final AtomicLong partialSync = new AtomicLong();
    private final AtomicLong syncing = new AtomicLong();
    private final AtomicLong inconsistentMirrors = new AtomicLong();
    private final AtomicLong inconsistentSuites = new AtomicLong();
    /** Per instance that held claims since this one started; one no longer holding any is at 0. */
    private final Map<String, AtomicLong> claimsHeld = new java.util.concurrent.ConcurrentHashMap<>();

    /** The bounds, in days, of the certificates' expiry figures: the notices' 1, 7 and 21 days, and wider. */
    static final List<Integer> TLS_EXPIRY_BOUNDS = List.of(0, 1, 7, 21, 30, 90);

    @PostConstruct
    void register() {
        gauge("mirrorwatch.probe.rounds", "Probe rounds that ended or run, by state", roundsDone, "state", "done");
        gauge("mirrorwatch.probe.rounds", "Probe rounds that ended or run, by state", roundsFailed, "state", "aborted");
        gauge("mirrorwatch.probe.rounds", "Probe rounds that ended or run, by state", roundsRunning, "state", "running");
        gauge("mirrorwatch.probe.requests", "Requests made by all probe rounds", requests);
        gauge("mirrorwatch.probe.failures", "Requests of all probe rounds that failed", failures);
        gauge("mirrorwatch.mail.outbox.backlog", "Mails waiting in the outbox", outboxBacklog);
        for (MirrorStatus status : MirrorStatus.values()) {
            AtomicLong count = new AtomicLong();
            mirrors.put(status, count);
            gauge("mirrorwatch.mirrors", "Enabled mirrors by freshness as of their last probe", count,
                    "freshness", status.name());
        }
        registerRouting();
        registerTls();
        registerFamilies();
        gauge("mirrorwatch.mirrors.partial.sync", "Enabled mirrors whose trace file's age and pool files' freshness"
                + " disagreed by more than the trace gap at their last probe", partialSync);
        gauge("mirrorwatch.mirrors.syncing", "Enabled mirrors whose sync marker said a sync was running at their"
                + " last probe", syncing);
        gauge("mirrorwatch.mirrors.inconsistent", "Enabled mirrors whose newest probe found a suite's index sizes"
                + " differing from its InRelease", inconsistentMirrors);
        gauge("mirrorwatch.mirrors.inconsistent.suites", "Suites of enabled mirrors whose index sizes differ from"
                + " their InRelease, over all mirrors", inconsistentSuites);
        Gauge.builder("mirrorwatch.instance.info", () -> 1).description("This instance, by its name in shared probe"
                + " rounds (mirrorwatch.instance.name)").tags("instance", figures.instanceName()).register(registry);
    }

    /** The enabled mirrors per address family and state as of their last probe; no series per mirror. */
    private void registerFamilies() {
        for (AddressFamily family : AddressFamily.values()) {
            for (FamilyState state : FamilyState.values()) {
                AtomicLong count = new AtomicLong();
                mirrorsByFamily.put(family + "/" + state, count);
                gauge("mirrorwatch.mirrors.family", "Enabled mirrors by what their last probe found on an address"
                        + " family (UNREACHABLE: published but not answering)", count,
                        "family", family.title().toLowerCase(java.util.Locale.ROOT), "state", state.name());
            }
        }
    }

    /** The claims each instance holds: a series per instance name, as the claims name them. */
    private void updateClaimsHeld() {
        Map<String, Integer> held = figures.claimsHeldByInstance();
        claimsHeld.forEach((instance, count) -> count.set(held.getOrDefault(instance, 0)));
        held.forEach((instance, count) -> claimsHeld.computeIfAbsent(instance, name -> {
            AtomicLong value = new AtomicLong();
            gauge("mirrorwatch.probe.claims.held", "Host claims of running probe rounds each instance holds now",
                    value, "instance", name);
            return value;
        }).set(count));
    }

    /** The HTTPS certificates of enabled mirrors: per state, and how soon they expire; no series per mirror. */
    private void registerTls() {
        for (TlsState state : TlsState.values()) {
            AtomicLong count = new AtomicLong();
            mirrorsByTls.put(state, count);
            gauge("mirrorwatch.mirrors.tls", "Enabled mirrors with an HTTPS URL by the state of its certificate as of"
                    + " their last probe", count, "state", state.name());
        }
        for (int days : TLS_EXPIRY_BOUNDS) {
            AtomicLong count = new AtomicLong();
            tlsExpiringWithin.put(days, count);
            gauge("mirrorwatch.mirrors.tls.expiring", "Enabled mirrors whose HTTPS certificate expires within this"
                    + " many days (those expired count in every bound)", count, "within_days", String.valueOf(days));
        }
        Gauge.builder("mirrorwatch.mirrors.tls.earliest.expiry", tlsEarliestExpiryDays, AtomicReference::get)
                .baseUnit("days").description("Days until the earliest expiry of an enabled mirror's HTTPS"
                        + " certificate; negative once it has expired").register(registry);
    }

    /** The routing's figures are this instance's: its answers, and the snapshot it serves. */
    private void registerRouting() {
        for (boolean redirects : new boolean[] {false, true}) {
            for (RoutingTier tier : RoutingTier.values()) {
                FunctionCounter.builder("mirrorwatch.routing.answers", routing, r -> r.answered(redirects, tier))
                        .description("Mirror lists and redirects this instance answered, by the tier of the best choice")
                        .tags("kind", redirects ? "redirect" : "list", "tier", tier.label()).register(registry);
            }
        }
        Gauge.builder("mirrorwatch.routing.snapshot.age", snapshot, s -> s.get() == null ? Double.NaN
                : Duration.between(s.get().builtAt(), clock.instant()).toMillis() / 1000.0).baseUnit("seconds")
                .description("How old the routing snapshot this instance serves is").register(registry);
        Gauge.builder("mirrorwatch.routing.snapshot.build", snapshot, s -> s.get() == null ? Double.NaN
                : s.get().buildTime().toMillis() / 1000.0).baseUnit("seconds")
                .description("How long reading the routing snapshot took").register(registry);
        Gauge.builder("mirrorwatch.routing.snapshot.mirrors", snapshot, s -> s.get() == null ? Double.NaN
                : s.get().mirrors()).description("Mirrors in the routing snapshot: those handed to clients")
                .register(registry);
    }

    private void gauge(String name, String description, AtomicLong value, String... tags) {
        Gauge.builder(name, value, AtomicLong::doubleValue).description(description).tags(tags).register(registry);
    }

    @GET
    @Produces(PROMETHEUS_TEXT)
    public String scrape() {
        RoundTotals rounds = figures.roundTotals();
        roundsDone.set(rounds.done());
        roundsFailed.set(rounds.failed());
        roundsRunning.set(rounds.running());
        requests.set(rounds.requests());
        failures.set(rounds.failures());
        outboxBacklog.set(figures.outboxBacklog());
        updateClaimsHeld();
        snapshot.set(snapshots.status());
        figures.enabledMirrorsByFreshness().forEach((status, count) -> mirrors.get(status).set(count));
        OperationalFigures.Inconsistency inconsistency = figures.enabledMirrorsWithInconsistentSuites();
        inconsistentMirrors.set(inconsistency.mirrors());
        inconsistentSuites.set(inconsistency.suites());
        figures.enabledMirrorsByTlsState().forEach((state, count) -> mirrorsByTls.get(state).set(count));
        figures.enabledMirrorsByFamilyState().forEach((family, states) -> states.forEach((state, count) ->
                mirrorsByFamily.get(family + "/" + state).set(count)));
        OperationalFigures.SyncCounts sync = figures.enabledMirrorsBySync();
        partialSync.set(sync.partialSync());
        syncing.set(sync.syncing());
        TlsExpiry expiry = figures.tlsExpiry(clock.instant(), TLS_EXPIRY_BOUNDS);
        expiry.expiringWithinDays().forEach((days, count) -> tlsExpiringWithin.get(days).set(count));
        tlsEarliestExpiryDays.set(expiry.earliest()
                .map(earliest -> Duration.between(clock.instant(), earliest).toSeconds() / 86_400.0).orElse(Double.NaN));
        return registry.scrape();
    }
}
