package org.mirrorwatch.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.routing.control.RoutingPolicy.Client;
import org.mirrorwatch.routing.control.RoutingPolicy.Route;

class RoutingPolicyTest {

    private static final String I386 = "hoary/main/binary-i386";
    private static final String ARM64 = "hoary/main/binary-arm64";

    /** A small world: two German mirrors (one in AS 3320), a French one, a Brazilian one, a US one. */
    private static final CandidateIndex WORLD = new CandidateIndex(List.of(
            mirror(1, "de-telekom", "DE", "EUROPE", 3320, AddressFamilies.IPV4_ONLY, Set.of(I386)),
            mirror(2, "de-uni", "DE", "EUROPE", 680, AddressFamilies.BOTH, Set.of(I386, ARM64)),
            mirror(3, "fr-one", "FR", "EUROPE", 0, AddressFamilies.UNKNOWN, Set.of(I386, ARM64)),
            mirror(4, "br-one", "BR", "SOUTH_AMERICA", 0, AddressFamilies.BOTH, Set.of(I386)),
            mirror(5, "us-one", "US", "NORTH_AMERICA", 0, AddressFamilies.BOTH, Set.of(I386, ARM64))));

    static RouteCandidate mirror(long id, String name, String country, String continent, long as,
            AddressFamilies families, Set<String> carries) {
        return new RouteCandidate(id, name, "http://" + name + ".example/ubuntu/", 100_000, country, continent, as,
                families, carries);
    }

    static Client client(String country, String continent, long as, boolean ipv6) {
        return new Client(Optional.ofNullable(country), Optional.ofNullable(continent),
                as == 0 ? OptionalLong.empty() : OptionalLong.of(as), ipv6);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // what, client, need, minimum, the mirrors chosen (a set per tier, in tier order), their tiers
                Arguments.of("a country with mirrors: both, topped up from the continent",
                        client("DE", "EUROPE", 0, false), null, 3,
                        List.of(Set.of("de-telekom", "de-uni"), Set.of("fr-one")),
                        List.of(RoutingTier.COUNTRY, RoutingTier.CONTINENT)),
                Arguments.of("a country without mirrors: its continent's",
                        client("AT", "EUROPE", 0, false), null, 3,
                        List.of(Set.of("de-telekom", "de-uni", "fr-one")), List.of(RoutingTier.CONTINENT)),
                Arguments.of("a network with its own mirror first, then its country",
                        client("DE", "EUROPE", 3320, false), null, 2,
                        List.of(Set.of("de-telekom"), Set.of("de-uni")),
                        List.of(RoutingTier.AUTONOMOUS_SYSTEM, RoutingTier.COUNTRY)),
                Arguments.of("an IPv6 client never gets an IPv4-only host",
                        client("DE", "EUROPE", 3320, true), null, 2,
                        List.of(Set.of("de-uni"), Set.of("fr-one")),
                        List.of(RoutingTier.COUNTRY, RoutingTier.CONTINENT)),
                Arguments.of("a path under binary-arm64 only goes where arm64 is",
                        client("DE", "EUROPE", 0, false), ARM64, 3,
                        List.of(Set.of("de-uni"), Set.of("fr-one"), Set.of("us-one")),
                        List.of(RoutingTier.COUNTRY, RoutingTier.CONTINENT, RoutingTier.WORLD)),
                Arguments.of("the top-up crosses continents to the minimum",
                        client("BR", "SOUTH_AMERICA", 0, false), null, 3,
                        List.of(Set.of("br-one")), List.of(RoutingTier.COUNTRY)),
                Arguments.of("an unknown client gets the world",
                        client(null, null, 0, false), null, 1,
                        List.of(Set.of("de-telekom", "de-uni", "fr-one", "br-one", "us-one")),
                        List.of(RoutingTier.WORLD)),
                Arguments.of("nothing carries it: an empty list (the caller adds the main archive)",
                        client("DE", "EUROPE", 0, false), "warty/main/binary-i386", 5, List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void choose_followsTheTiers(String what, Client client, String need, int minimum, List<Set<String>> expected,
            List<RoutingTier> tiers) {
        for (long seed = 0; seed < 20; seed++) {
            List<Route> routes = new RoutingPolicy(minimum).choose(WORLD, client, need, Integer.MAX_VALUE,
                    new Random(seed));
            int at = 0;
            for (int group = 0; group < expected.size(); group++) {
                Set<String> names = expected.get(group);
                // The whole first tier; the later ones only as far as the minimum needs.
                int take = group == 0 ? names.size() : Math.min(names.size(), Math.max(0, minimum - at));
                for (int i = 0; i < take; i++, at++) {
                    Route route = routes.get(at);
                    assertTrue(names.contains(route.mirror().name()), what + ": " + routes);
                    assertEquals(tiers.get(group), route.tier(), what + ": " + routes);
                }
            }
            if (what.startsWith("the top-up")) {
                assertEquals(3, routes.size(), what + ": " + routes);
                assertEquals(RoutingTier.WORLD, routes.get(2).tier(), what + ": " + routes);
            } else {
                assertEquals(at, routes.size(), what + ": " + routes);
            }
        }
    }

    @Test
    void aStaleOrDisabledMirror_isNeverACandidate_soTheListNamesOnlyTheIndexed() {
        // The snapshot leaves stale, disabled and unofficial mirrors out (SnapshotLoader's query); the
        // policy only ever returns what the index holds.
        CandidateIndex onlyFresh = new CandidateIndex(List.of(mirror(9, "fresh", "DE", "EUROPE", 0,
                AddressFamilies.BOTH, Set.of())));
        List<Route> routes = new RoutingPolicy(5).choose(onlyFresh, client("DE", "EUROPE", 0, false), null,
                Integer.MAX_VALUE, new Random(1));
        assertEquals(List.of("fresh"), routes.stream().map(route -> route.mirror().name()).toList());
    }

    @Test
    void theLimit_cutsTheNearestTierToo() {
        List<Route> routes = new RoutingPolicy(5).choose(WORLD, client(null, null, 0, false), null, 2, new Random(7));
        assertEquals(2, routes.size());
    }

    /**
     * A mirror twice as fast comes first twice as often: over 20,000 choices with a fixed seed, the
     * shares of 1 Gbit/s, 500 Mbit/s and 500 Mbit/s mirrors are 1/2, 1/4, 1/4 within one percentage point.
     */
    @Test
    void weights_makeAFasterMirrorFirstInProportion() {
        CandidateIndex three = new CandidateIndex(List.of(
                new RouteCandidate(1, "fast", "http://fast/", 1_000_000, "DE", "EUROPE", 0, AddressFamilies.BOTH, Set.of()),
                new RouteCandidate(2, "half-a", "http://half-a/", 500_000, "DE", "EUROPE", 0, AddressFamilies.BOTH, Set.of()),
                new RouteCandidate(3, "half-b", "http://half-b/", 500_000, "DE", "EUROPE", 0, AddressFamilies.BOTH, Set.of())));
        Random random = new Random(42);
        Map<String, Integer> first = new HashMap<>();
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            String name = new RoutingPolicy(1).choose(three, client("DE", "EUROPE", 0, false), null, 3, random)
                    .get(0).mirror().name();
            first.merge(name, 1, Integer::sum);
        }
        assertEquals(0.50, first.get("fast") / (double) draws, 0.01);
        assertEquals(0.25, first.get("half-a") / (double) draws, 0.01);
        assertEquals(0.25, first.get("half-b") / (double) draws, 0.01);
    }
}
