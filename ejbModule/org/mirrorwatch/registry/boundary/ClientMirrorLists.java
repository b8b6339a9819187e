package org.mirrorwatch.registry.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mirrorwatch.reference.control.Distributions;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.registry.control.ClientListCache;
import org.mirrorwatch.registry.control.ClientListCache.Candidate;
import org.mirrorwatch.reference.entity.Country;
import org.mirrorwatch.reference.entity.Distribution;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.reference.entity.MirrorUrl;

/**
 * The mirror lists for users' machines, like Launchpad's {@code +countrymirrors-archive} and Ubuntu's
 * {@code mirrors.txt}: the official, enabled mirrors of a country that serve HTTP(S) and are not stale,
 * in a random order weighted by speed, so faster mirrors come first more often and load spreads. A
 * country without such mirrors gets its continent's. The list always ends with the distribution's main
 * archive (or releases) URL, so a client always has somewhere to go.
 */
@Stateless
public class ClientMirrorLists {

    @PersistenceContext
    EntityManager em;

    @Inject
    ClientListCache cache;

    @Inject
    Distributions distributions;

    @Inject
    @ConfigProperty(name = "mirrorwatch.client-list.stalest")
    MirrorStatus stalest;

    /**
     * @param countryCode the client's country (ISO 3166-1 alpha-2); empty for a list of every country's mirrors
     * @throws NotFoundException for an unknown distribution or country
     */
    public ClientMirrorList countryMirrors(String distributionName, MirrorContent content, Optional<String> countryCode) {
        Distribution distribution = distributions.findByName(distributionName)
                .orElseThrow(() -> new NotFoundException("distribution", distributionName));
        Optional<Country> country = countryCode.map(code -> em.createNamedQuery("Country.findByIsoCode", Country.class)
                .setParameter("isoCode", code.strip().toUpperCase(Locale.ROOT)).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("country", code)));
        List<Candidate> candidates = cache.candidates(distribution.getId(), content, () -> load(distribution, content));
        List<Candidate> chosen = country.map(known -> {
            List<Candidate> inCountry = candidates.stream().filter(c -> c.country().equals(known.getIsoCode())).toList();
            return inCountry.isEmpty() ? candidates.stream()
                    .filter(c -> c.continent().equals(known.getContinent().name())).toList() : inCountry;
        }).orElse(candidates);
        List<String> urls = new ArrayList<>(weightedShuffle(chosen));
        urls.add(content == MirrorContent.RELEASE ? distribution.getMainReleasesUrl() : distribution.getMainArchiveUrl());
        return new ClientMirrorList(country.map(Country::getIsoCode), List.copyOf(urls));
    }

    private List<Candidate> load(Distribution distribution, MirrorContent content) {
        List<MirrorStatus> fresh = MirrorStatus.known().stream().filter(status -> status.compareTo(stalest) <= 0)
                .toList();
        return em.createQuery("SELECT m FROM DistributionMirror m JOIN FETCH m.country WHERE m.distribution = :d"
                        + " AND m.content = :content AND m.enabled = TRUE AND " + DistributionMirror.IS_OFFICIAL
                        + " AND m.probedFreshness IN :fresh"
                        + " AND (m.httpBaseUrl IS NOT NULL OR m.httpsBaseUrl IS NOT NULL)", DistributionMirror.class)
                .setParameter("d", distribution).setParameter("content", content)
                .setParameter("fresh", fresh)
                .getResultStream()
                .map(mirror -> new Candidate(mirror.getUrls().web().map(MirrorUrl::value).orElseThrow(),
                        mirror.getSpeed().kilobitsPerSecond(), mirror.getCountry().getIsoCode(),
                        mirror.getCountry().getContinent().name()))
                .toList();
    }

    /**
     * A random order in which a mirror twice as fast is ahead twice as often (Efraimidis and Spirakis:
     * sort by u^(1/weight), u uniform in (0, 1)).
     */
    static List<String> weightedShuffle(List<Candidate> candidates) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<Candidate, Double> keys = candidates.stream().collect(Collectors.toMap(c -> c, c ->
                Math.pow(random.nextDouble(Double.MIN_VALUE, 1.0), 1.0 / Math.max(1, c.speedKbps())), (a, b) -> a));
        return candidates.stream().sorted(Comparator.comparing(keys::get).reversed()).map(Candidate::url).toList();
    }
}
