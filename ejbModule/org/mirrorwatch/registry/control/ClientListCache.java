package org.mirrorwatch.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mirrorwatch.platform.SettingRules;
import org.mirrorwatch.registry.entity.MirrorContent;

/**
 * The candidates of the client mirror lists, per distribution and content, kept for a few minutes:
 * users' machines ask often, and the answer changes rarely. A change of a mirror's state empties the
 * distribution's entries once the change is committed. Another instance on the same database keeps its
 * own entries until they expire.
 */
@ApplicationScoped
public class ClientListCache {

    /** A mirror that may be handed to clients: its URL, its weight, and where it is. */
    public record Candidate(String url, long speedKbps, String country, String continent) {
    }

    private record Key(long distributionId, MirrorContent content) {
    }

    private record Entry(List<Candidate> candidates, Instant expires) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mirrorwatch.client-list.cache-time")
    Duration cacheTime;

    void checkSetting(@Observes @Initialized(ApplicationScoped.class) Object started) {
        SettingRules.require(!cacheTime.isNegative(), "mirrorwatch.client-list.cache-time", cacheTime,
                "zero (no cache) or positive");
    }

    public List<Candidate> candidates(long distributionId, MirrorContent content, Supplier<List<Candidate>> loader) {
        Instant now = clock.instant();
        Key key = new Key(distributionId, content);
        Entry entry = entries.get(key);
        if (entry == null || !now.isBefore(entry.expires())) {
            entry = new Entry(List.copyOf(loader.get()), now.plus(cacheTime));
            if (!cacheTime.isZero()) {
                entries.put(key, entry);
            }
        }
        return entry.candidates();
    }

    void invalidate(@Observes(during = TransactionPhase.AFTER_SUCCESS) MirrorsChanged change) {
        entries.keySet().removeIf(key -> key.distributionId() == change.distributionId());
    }
}
