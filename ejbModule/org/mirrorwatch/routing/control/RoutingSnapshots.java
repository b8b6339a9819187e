package org.mirrorwatch.routing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mirrorwatch.platform.DatabaseChanged;
import org.mirrorwatch.platform.SettingRules;
import org.mirrorwatch.reference.control.ReferenceChanged;
import org.mirrorwatch.registry.control.MirrorsChanged;

/**
 * The routing snapshot that requests read now, and its rebuilding: a change of the registry that is
 * committed (a mirror registered, reviewed, edited, probed) asks for a rebuild, and the changes of the
 * next {@code mirrorwatch.client-list.rebuild-delay} are served together by one rebuild, so a probe
 * round rebuilds a few times, not once per mirror. Changes committed by another instance or made in SQL
 * arrive the same way, told by the database ({@link DatabaseChanged}). Every
 * {@code mirrorwatch.client-list.refresh} it is rebuilt anyway: a maintenance window begins or ends with
 * the clock, not with a change, and notifications are lost while the database connection is.
 * A rebuild that fails keeps the snapshot being served.
 */
@ApplicationScoped
public class RoutingSnapshots {

    private static final Logger LOG = Logger.getLogger(RoutingSnapshots.class.getName());
    /** A rebuild slower than this is worth a line in the log. */
    private static final Duration SLOW = Duration.ofSeconds(1);

    @Inject
    SnapshotLoader loader;

    @Inject
    MirrorHosts hosts;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "mirrorwatch.client-list.rebuild-delay")
    Duration rebuildDelay;

    @Inject
    @ConfigProperty(name = "mirrorwatch.client-list.refresh")
    Duration refresh;

    private final Object building = new Object();
    private final AtomicBoolean rebuildPending = new AtomicBoolean();
    private volatile RoutingSnapshot current;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        SettingRules.require(!rebuildDelay.isNegative(), "mirrorwatch.client-list.rebuild-delay", rebuildDelay,
                "zero or positive");
        SettingRules.require(refresh.compareTo(Duration.ofSeconds(1)) >= 0, "mirrorwatch.client-list.refresh",
                refresh, "at least PT1S");
        scheduler.scheduleWithFixedDelay(this::rebuildQuietly, refresh.toMillis(), refresh.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The snapshot to answer from; the first call reads it. */
    public RoutingSnapshot current() {
        RoutingSnapshot snapshot = current;
        return snapshot != null ? snapshot : rebuild();
    }

    /** Reads a new snapshot now and serves it from now on. */
    public RoutingSnapshot rebuild() {
        synchronized (building) {
            RoutingSnapshot snapshot = loader.load(url -> hosts.known(url, this::rebuildSoon));
            boolean first = current == null;
            current = snapshot;
            Level level = first || snapshot.buildTime().compareTo(SLOW) > 0 ? Level.INFO : Level.FINE;
            LOG.log(level, () -> String.format("Routing snapshot of %d mirrors in %d distributions built in %d ms",
                    snapshot.mirrorCount(), snapshot.distributions().size(), snapshot.buildTime().toMillis()));
            return snapshot;
        }
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MirrorsChanged change) {
        rebuildSoon();
    }

    /** A series' components, architectures or main archive decide where clients are sent too. */
    void referenceChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReferenceChanged change) {
        rebuildSoon();
    }

    /** A change committed by another instance or in SQL, as the database tells it. */
    void changedElsewhere(@Observes DatabaseChanged change) {
        if (change.concerns(MirrorsChanged.TOPIC) || change.concerns(ReferenceChanged.TOPIC)) {
            rebuildSoon();
        }
    }

    /** Rebuilds after the rebuild delay, together with every change that comes in the meantime. */
    public void rebuildSoon() {
        if (rebuildPending.compareAndSet(false, true)) {
            scheduler.schedule(() -> {
                rebuildPending.set(false);
                rebuildQuietly();
            }, rebuildDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void rebuildQuietly() {
        try {
            rebuild();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The routing snapshot could not be rebuilt; the one of "
                    + (current == null ? "(none)" : current.builtAt()) + " is served on: " + e);
        }
    }
}
