package org.mirrorwatch.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.mirrorwatch.operations.OperationalFigures;
import org.mirrorwatch.operations.OperationalFigures.RoundTotals;
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

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicLong roundsDone = new AtomicLong();
    private final AtomicLong roundsFailed = new AtomicLong();
    private final AtomicLong roundsRunning = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong outboxBacklog = new AtomicLong();
    private final Map<MirrorStatus, AtomicLong> mirrors = new EnumMap<>(MirrorStatus.class);

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
        figures.enabledMirrorsByFreshness().forEach((status, count) -> mirrors.get(status).set(count));
        return registry.scrape();
    }
}
