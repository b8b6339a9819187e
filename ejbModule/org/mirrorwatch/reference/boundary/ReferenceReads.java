package org.mirrorwatch.reference.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mirrorwatch.platform.DatabaseChanged;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.platform.SettingRules;
import org.mirrorwatch.reference.boundary.ReferenceViews.ComponentView;
import org.mirrorwatch.reference.boundary.ReferenceViews.DistributionView;
import org.mirrorwatch.reference.boundary.ReferenceViews.SeriesView;
import org.mirrorwatch.reference.control.ReferenceChanged;

/**
 * The reference data's reads for the API, answered from a {@link ReferenceCatalog} in memory: it changes
 * seldom and is read on every client's visit, and reading it from the database cost a transaction, a
 * query and a round trip per request. A change made through Mirrorwatch drops the catalog when it commits,
 * so the next read shows it; a change made by another instance or in SQL drops it when the database tells
 * of it ({@link DatabaseChanged}, within milliseconds of the commit). The catalog is read anew anyway once it
 * is older than {@code mirrorwatch.reference.cache-time}, for the time the database's notifications are lost.
 */
@ApplicationScoped
public class ReferenceReads {

    @Inject
    ReferenceDataFacade facade;

    @Inject
    @ConfigProperty(name = "mirrorwatch.reference.cache-time")
    Duration cacheTime;

    /** Counts the changes, so that a catalog read while one commits is not kept as if it were current. */
    private final AtomicLong changes = new AtomicLong();
    private final Object loading = new Object();
    private volatile Cached cached;

    /** A catalog and when it was read; by the monotonic clock, since its age is not a business time. */
    private record Cached(ReferenceCatalog catalog, long readAtNanos, long changesBefore) {
    }

    void checkSettings(@Observes @Initialized(ApplicationScoped.class) Object started) {
        SettingRules.require(!cacheTime.isNegative() && cacheTime.compareTo(Duration.ofHours(1)) <= 0,
                "mirrorwatch.reference.cache-time", cacheTime, "between PT0S and PT1H");
    }

    public List<ComponentView> components() {
        return catalog().components();
    }

    public List<DistributionView> distributions() {
        return catalog().distributions();
    }

    public DistributionView distribution(String name) {
        return catalog().distribution(name)
                .orElseThrow(() -> new NotFoundException(ReferenceDataFacade.DISTRIBUTION, name));
    }

    public List<SeriesView> series(String distribution) {
        return catalog().seriesOf(distribution)
                .orElseThrow(() -> new NotFoundException(ReferenceDataFacade.DISTRIBUTION, distribution));
    }

    public SeriesView series(String distribution, String series) {
        return series(distribution).stream().filter(view -> view.name().equals(series)).findFirst()
                .orElseThrow(() -> new NotFoundException(ReferenceDataFacade.SERIES, distribution + "/" + series));
    }

    /** The catalog to answer from: the one in memory while it is current, else one read now. */
    public ReferenceCatalog catalog() {
        Cached now = cached;
        if (isCurrent(now)) {
            return now.catalog();
        }
        synchronized (loading) {
            now = cached;
            if (isCurrent(now)) {
                return now.catalog();
            }
            long changesBefore = changes.get();
            Cached read = new Cached(facade.catalog(), System.nanoTime(), changesBefore);
            cached = read;
            return read.catalog();
        }
    }

    private boolean isCurrent(Cached candidate) {
        return candidate != null && candidate.changesBefore() == changes.get()
                && System.nanoTime() - candidate.readAtNanos() < cacheTime.toNanos();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReferenceChanged change) {
        changes.incrementAndGet();
    }

    /** A change committed by another instance or in SQL, as the database tells it. */
    void changedElsewhere(@Observes DatabaseChanged change) {
        if (change.concerns(ReferenceChanged.TOPIC)) {
            changes.incrementAndGet();
        }
    }
}
