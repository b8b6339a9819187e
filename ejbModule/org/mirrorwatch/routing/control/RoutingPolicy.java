package org.mirrorwatch.routing.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * How mirrors are chosen for a client, as MirrorManager and mirrorbits choose: the mirrors in the
 * client's network first, then its country, its continent, the world. The nearest tier that has a
 * suitable mirror is taken whole (up to the limit); the list is then topped up from the next tiers to
 * the minimum length. Within a tier the order is random, weighted by bandwidth: a mirror twice as fast
 * is ahead twice as often, so load spreads (Efraimidis and Spirakis: the largest u^(1/weight), u uniform
 * in (0, 1)). A mirror is suitable when it carries what the path needs and its host has an address in
 * the client's family. Pure: the randomness comes in.
 */
public final class RoutingPolicy {

    /** Where a client is, as far as known. */
    public record Client(Optional<String> country, Optional<String> continent, OptionalLong autonomousSystem,
            boolean ipv6) {

        public static Client unknown(boolean ipv6) {
            return new Client(Optional.empty(), Optional.empty(), OptionalLong.empty(), ipv6);
        }
    }

    /** A chosen mirror and the tier it came from. */
    public record Route(RouteCandidate mirror, RoutingTier tier) {
    }

    private final int minimum;

    /** @param minimum the length a list is topped up to from farther tiers */
    public RoutingPolicy(int minimum) {
        if (minimum < 1) {
            throw new IllegalArgumentException("The minimum list length must be at least 1, not " + minimum);
        }
        this.minimum = minimum;
    }

    /**
     * @param need what the path needs (see {@link RouteCandidate#carries(String)}), or null
     * @param limit the most mirrors to return (e.g. 1 and a few alternatives for a redirect)
     */
    public List<Route> choose(CandidateIndex candidates, Client client, String need, int limit,
            RandomGenerator random) {
        List<Route> routes = new ArrayList<>();
        Set<Long> taken = new HashSet<>();
        int target = Math.min(limit, minimum);
        for (RoutingTier tier : List.of(RoutingTier.AUTONOMOUS_SYSTEM, RoutingTier.COUNTRY, RoutingTier.CONTINENT,
                RoutingTier.WORLD)) {
            int wanted = routes.isEmpty() ? limit : target - routes.size();
            if (wanted <= 0) {
                break;
            }
            for (RouteCandidate chosen : weightedSample(tierOf(candidates, client, tier), client, need, taken,
                    wanted, random)) {
                taken.add(chosen.id());
                routes.add(new Route(chosen, tier));
            }
        }
        return routes;
    }

    private static List<RouteCandidate> tierOf(CandidateIndex candidates, Client client, RoutingTier tier) {
        return switch (tier) {
            case AUTONOMOUS_SYSTEM -> client.autonomousSystem().isPresent()
                    ? candidates.inAutonomousSystem(client.autonomousSystem().getAsLong()) : List.of();
            case COUNTRY -> client.country().map(candidates::inCountry).orElse(List.of());
            case CONTINENT -> client.continent().map(candidates::onContinent).orElse(List.of());
            case WORLD -> candidates.all();
            case MAIN_ARCHIVE -> List.of();
        };
    }

    private record Keyed(RouteCandidate candidate, double key) {
    }

    /** The {@code wanted} suitable candidates with the largest random keys, largest first. */
    private static List<RouteCandidate> weightedSample(List<RouteCandidate> tier, Client client, String need,
            Set<Long> taken, int wanted, RandomGenerator random) {
        PriorityQueue<Keyed> best = new PriorityQueue<>(Comparator.comparingDouble(Keyed::key));
        for (RouteCandidate candidate : tier) {
            if (taken.contains(candidate.id()) || !candidate.carries(need)
                    || !candidate.families().reachableOver(client.ipv6())) {
                continue;
            }
            // log(u^(1/w)) = log(u)/w orders as u^(1/w) does, without the rounding of a power near 1.
            double key = Math.log(random.nextDouble(Double.MIN_VALUE, 1.0)) / Math.max(1, candidate.speedKbps());
            if (best.size() < wanted) {
                best.add(new Keyed(candidate, key));
            } else if (key > best.peek().key()) {
                best.poll();
                best.add(new Keyed(candidate, key));
            }
        }
        List<Keyed> sorted = new ArrayList<>(best);
        sorted.sort(Comparator.comparingDouble(Keyed::key).reversed());
        return sorted.stream().map(Keyed::candidate).toList();
    }
}
