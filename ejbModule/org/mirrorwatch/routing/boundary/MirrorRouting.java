package org.mirrorwatch.routing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.annotation.PostConstruct;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.platform.SettingRules;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.routing.control.CandidateIndex;
import org.mirrorwatch.routing.control.ClientLocation;
import org.mirrorwatch.routing.control.DistributionRoutes;
import org.mirrorwatch.routing.control.GeoLocator;
import org.mirrorwatch.routing.control.RequestedPath;
import org.mirrorwatch.routing.control.RoutingPolicy;
import org.mirrorwatch.routing.control.RoutingSnapshot;
import org.mirrorwatch.routing.control.RoutingSnapshots;
import org.mirrorwatch.routing.control.RoutingTier;

/**
 * The mirror lists and the redirector of users' machines. Every answer is read from the routing
 * snapshot in memory, never from the database, so it takes microseconds; it needs no transaction.
 */
@ApplicationScoped
public class MirrorRouting {

    /** A redirect names the chosen mirror and this many alternatives (mirrorbits' Link header). */
    static final int ALTERNATIVES = 4;
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Za-z]{2}");

    @Inject
    RoutingSnapshots snapshots;

    @Inject
    GeoLocator geo;

    @Inject
    @ConfigProperty(name = "mirrorwatch.client-list.minimum")
    int minimum;

    @Inject
    @ConfigProperty(name = "mirrorwatch.client-list.maximum")
    int maximum;

    private RoutingPolicy policy;
    /** Answers given since the start, by kind (list, redirect) and by the tier of the best choice. */
    private final LongAdder[][] answers = new LongAdder[2][RoutingTier.values().length];

    {
        for (LongAdder[] kind : answers) {
            for (int tier = 0; tier < kind.length; tier++) {
                kind[tier] = new LongAdder();
            }
        }
    }

    /** How many lists (or redirects) this instance answered whose best choice came from this tier. */
    public long answered(boolean redirects, RoutingTier tier) {
        return answers[redirects ? 1 : 0][tier.ordinal()].sum();
    }

    @PostConstruct
    void checkSettings() {
        SettingRules.require(minimum >= 1 && minimum <= 100, "mirrorwatch.client-list.minimum", minimum,
                "between 1 and 100");
        SettingRules.require(maximum >= minimum && maximum <= 1000, "mirrorwatch.client-list.maximum", maximum,
                "at least mirrorwatch.client-list.minimum (" + minimum + ") and at most 1000");
        policy = new RoutingPolicy(minimum);
    }

    /** Whether the redirector serves this first path segment: a distribution's name. */
    public boolean isDistribution(String name) {
        return snapshots.current().distribution(name).isPresent();
    }

    /**
     * The mirror list of a distribution for a client: its network's, country's, continent's mirrors,
     * topped up to the minimum and cut at the maximum (a weighted random sample of a larger tier), then the
     * main archive.
     *
     * @param country a country to answer for instead of the client's own (ISO 3166-1 alpha-2)
     * @throws NotFoundException for an unknown distribution or country
     */
    public RoutingAnswer list(String distribution, MirrorContent content, InetAddress client,
            Optional<String> country) {
        RoutingSnapshot snapshot = snapshots.current();
        DistributionRoutes routes = routes(snapshot, distribution);
        RoutingPolicy.Client where = country.isPresent()
                ? asked(snapshot, country.get(), client) : located(snapshot, geo.locate(client));
        boolean releases = content == MirrorContent.RELEASE;
        return counted(false, answer(where, client, Optional.empty(), null, routes.candidates(releases),
                routes.mainUrl(releases), maximum));
    }

    /**
     * The mirrors to send a client to for a path of the archive (or, with {@code releases}, of the CD
     * images): the best first, then a few alternatives, then the main archive.
     *
     * @throws NotFoundException for an unknown distribution
     * @throws InvalidInputException for a path that is not one
     */
    public RoutingAnswer redirect(String distribution, boolean releases, String path, InetAddress client) {
        RoutingSnapshot snapshot = snapshots.current();
        DistributionRoutes routes = routes(snapshot, distribution);
        RequestedPath requested;
        try {
            requested = releases ? RequestedPath.releases(path, routes.series()) : RequestedPath.archive(path);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("path", e.getMessage());
        }
        return counted(true, answer(located(snapshot, geo.locate(client)), client, Optional.of(requested.path()),
                requested.need(), routes.candidates(releases), routes.mainUrl(releases), 1 + ALTERNATIVES));
    }

    private RoutingAnswer counted(boolean redirect, RoutingAnswer answer) {
        answers[redirect ? 1 : 0][answer.best().tier().ordinal()].increment();
        return answer;
    }

    private RoutingAnswer answer(RoutingPolicy.Client where, InetAddress client, Optional<String> path, String need,
            CandidateIndex candidates, String mainUrl, int limit) {
        String suffix = path.orElse("");
        List<RoutingAnswer.Choice> choices = new ArrayList<>();
        for (RoutingPolicy.Route route : policy.choose(candidates, where, need, limit, ThreadLocalRandom.current())) {
            choices.add(new RoutingAnswer.Choice(Optional.of(route.mirror().name()), route.mirror().url() + suffix,
                    route.tier(), Optional.of(route.mirror().country())));
        }
        choices.add(new RoutingAnswer.Choice(Optional.empty(), mainUrl + suffix, RoutingTier.MAIN_ARCHIVE,
                Optional.empty()));
        return new RoutingAnswer(new RoutingAnswer.Client(client.getHostAddress(), where.country(), where.continent(),
                where.autonomousSystem(), where.ipv6()), path, Optional.ofNullable(need), choices);
    }

    private static DistributionRoutes routes(RoutingSnapshot snapshot, String distribution) {
        return snapshot.distribution(distribution)
                .orElseThrow(() -> new NotFoundException("distribution", distribution));
    }

    private static RoutingPolicy.Client located(RoutingSnapshot snapshot, ClientLocation location) {
        return new RoutingPolicy.Client(location.country(), location.country().flatMap(snapshot::continentOf),
                location.autonomousSystem(), location.isIpv6());
    }

    private static RoutingPolicy.Client asked(RoutingSnapshot snapshot, String code, InetAddress client) {
        String country = code.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRY_CODE.matcher(country).matches()) {
            throw new InvalidInputException("country", "Give a country as its two-letter ISO 3166-1 code, e.g. DE.");
        }
        String continent = snapshot.continentOf(country).orElseThrow(() -> new NotFoundException("country", code));
        return new RoutingPolicy.Client(Optional.of(country), Optional.of(continent), OptionalLong.empty(),
                client instanceof Inet6Address);
    }
}
