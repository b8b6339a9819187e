package org.mirrorwatch.routing.control;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The candidates of one distribution and content, indexed by where they are, so that choosing for a
 * client reads a few short lists instead of every mirror. Immutable.
 */
public final class CandidateIndex {

    private final List<RouteCandidate> all;
    private final Map<Long, List<RouteCandidate>> byAutonomousSystem;
    private final Map<String, List<RouteCandidate>> byCountry;
    private final Map<String, List<RouteCandidate>> byContinent;

    public CandidateIndex(List<RouteCandidate> candidates) {
        all = List.copyOf(candidates);
        byAutonomousSystem = group(all.stream().filter(c -> c.autonomousSystem() != 0).toList(),
                RouteCandidate::autonomousSystem);
        byCountry = group(all, RouteCandidate::country);
        byContinent = group(all, RouteCandidate::continent);
    }

    private static <K> Map<K, List<RouteCandidate>> group(List<RouteCandidate> candidates,
            Function<RouteCandidate, K> key) {
        return candidates.stream().collect(Collectors.collectingAndThen(
                Collectors.groupingBy(key, Collectors.toUnmodifiableList()), Map::copyOf));
    }

    public List<RouteCandidate> all() {
        return all;
    }

    public List<RouteCandidate> inAutonomousSystem(long autonomousSystem) {
        return byAutonomousSystem.getOrDefault(autonomousSystem, List.of());
    }

    public List<RouteCandidate> inCountry(String country) {
        return byCountry.getOrDefault(country, List.of());
    }

    public List<RouteCandidate> onContinent(String continent) {
        return byContinent.getOrDefault(continent, List.of());
    }

    public int size() {
        return all.size();
    }
}
