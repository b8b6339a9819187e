package org.mirrorwatch.routing.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the mirror lists and the redirector answer from: the eligible mirrors of every
 * distribution, and the continent of every country. Built from the database in one go and then never
 * changed, so requests read it without a lock and without the database.
 *
 * @param builtAt when the data was read
 * @param buildTime how long reading and indexing took
 */
public record RoutingSnapshot(Map<String, DistributionRoutes> distributions, Map<String, String> continents,
        Instant builtAt, Duration buildTime) {

    public RoutingSnapshot {
        distributions = Map.copyOf(distributions);
        continents = Map.copyOf(continents);
    }

    public Optional<DistributionRoutes> distribution(String name) {
        return Optional.ofNullable(distributions.get(name));
    }

    /** The continent of a country (Continent.name()), empty for a code the registry does not know. */
    public Optional<String> continentOf(String country) {
        return Optional.ofNullable(continents.get(country));
    }

    public int mirrorCount() {
        return distributions.values().stream().mapToInt(d -> d.archive().size() + d.releases().size()).sum();
    }
}
