package org.mirrorwatch.registry.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mirrorwatch.publishing.entity.PackagePublishingStatus;
import org.mirrorwatch.publishing.entity.PoolPublication;
import org.mirrorwatch.publishing.entity.PublicationKey;
import org.mirrorwatch.registry.entity.MirrorStatus;

/**
 * Launchpad's {@code getURLsToCheckUpdateness}, as a pure function of the publication history.
 *
 * <p>Status i owns the window (when − t_i, when − t_(i−1)], with t_0 = 0 and t_i its threshold. Each
 * window takes its newest PUBLISHED publication of the key that has a checked file (.dsc or .deb, never a
 * .udeb). The map holds one entry per non-empty window, freshest first. If every window is empty, it is
 * {UP: the newest such publication at or before when}; with no publication at all, it is empty.
 */
public final class FreshnessWindows {

    /** Newest first: by date, then by id. */
    private static final Comparator<PoolPublication> NEWEST_FIRST = Comparator
            .comparing((PoolPublication p) -> p.getDatePublished().orElseThrow())
            .thenComparing(p -> p.getId() == null ? Long.MIN_VALUE : p.getId())
            .reversed();

    private FreshnessWindows() {
    }

    /** The windows of every known status at {@code when}, freshest first; they do not overlap. */
    public static List<FreshnessWindow> at(Instant when) {
        List<FreshnessWindow> windows = new ArrayList<>();
        Instant to = when;
        for (MirrorStatus status : MirrorStatus.known()) {
            Instant from = when.minus(status.threshold());
            windows.add(new FreshnessWindow(status, from, to));
            to = from;
        }
        return windows;
    }

    /** The start of the stalest window: publications older than this only matter when every window is empty. */
    public static Instant oldestWindowStart(Instant when) {
        return when.minus(MirrorStatus.ONEWEEKBEHIND.threshold());
    }

    /**
     * The pool paths to check on a mirror, by the status that finding each one proves.
     *
     * @param history publications to consider; any that do not match the key, are not PUBLISHED, have no
     *                checked file or were published after {@code when} are ignored
     */
    public static Map<MirrorStatus, String> poolPathsToCheck(PublicationKey key,
            Collection<? extends PoolPublication> history, Instant when) {
        List<PoolPublication> candidates = checkable(key, history, when);
        Map<MirrorStatus, String> paths = new LinkedHashMap<>();
        for (FreshnessWindow window : at(when)) {
            candidates.stream()
                    .filter(p -> window.contains(p.getDatePublished().orElseThrow()))
                    .findFirst()
                    .ifPresent(p -> paths.put(window.status(), p.checkedPoolPath().orElseThrow()));
        }
        if (paths.isEmpty() && !candidates.isEmpty()) {
            paths.put(MirrorStatus.UP, candidates.get(0).checkedPoolPath().orElseThrow());
        }
        return paths;
    }

    /** The newest PUBLISHED publication of the key with a checked file, at or before {@code when}. */
    public static Optional<PoolPublication> newest(PublicationKey key, Collection<? extends PoolPublication> history,
            Instant when) {
        return checkable(key, history, when).stream().findFirst();
    }

    /** The publications that can show freshness, newest first. */
    private static List<PoolPublication> checkable(PublicationKey key, Collection<? extends PoolPublication> history,
            Instant when) {
        return history.stream()
                .filter(p -> key.equals(p.key()))
                .filter(p -> p.getStatus() == PackagePublishingStatus.PUBLISHED)
                .filter(p -> p.getDatePublished().filter(date -> !date.isAfter(when)).isPresent())
                .filter(p -> p.checkedPoolPath().isPresent())
                .map(PoolPublication.class::cast)
                .sorted(NEWEST_FIRST)
                .toList();
    }
}
