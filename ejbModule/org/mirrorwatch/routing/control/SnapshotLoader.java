package org.mirrorwatch.routing.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mirrorwatch.reference.entity.Continent;
import org.mirrorwatch.reference.entity.MirrorUrl;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;
import org.mirrorwatch.registry.control.MaintenanceWindows;
import org.mirrorwatch.registry.control.SuiteConsistency;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.FamilyState;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.registry.entity.TlsState;

/**
 * Reads a {@link RoutingSnapshot} from the registry in one read-only transaction and a dozen queries,
 * whatever the number of mirrors: the eligible mirrors (enabled, official, reachable over HTTP(S), and
 * fresh enough overall; with their HTTPS URL only while its certificate works for clients, and the address
 * families their newest probe found them answering on), what each carries fresh enough, the distributions
 * with their series, and the countries' continents. A suite its newest probe found inconsistent (index
 * sizes other than its InRelease promises) does not count as carried, nor do its indexes, so paths of that
 * suite go to other mirrors; the mirror still serves pool paths and its other suites.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class SnapshotLoader {

    private static final String ELIGIBLE = "m.enabled = TRUE AND " + DistributionMirror.IS_OFFICIAL
            + " AND m.probedFreshness IN :fresh";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mirrorwatch.client-list.stalest")
    MirrorStatus stalest;

    @Inject
    @ConfigProperty(name = "mirrorwatch.maintenance.keep-in-client-lists")
    boolean keepInMaintenance;

    @Inject
    MaintenanceWindows maintenance;

    @Inject
    SuiteConsistency suiteConsistency;

    /** @param hosts what is known of the host of a mirror URL (its network and address families) */
    public RoutingSnapshot load(Function<String, Optional<MirrorHosts.HostFacts>> hosts) {
        long begin = System.nanoTime();
        Instant now = clock.instant();
        List<MirrorStatus> fresh = MirrorStatus.known().stream().filter(status -> status.compareTo(stalest) <= 0)
                .toList();
        // The content rows are many (tens per mirror): they are read as ids, and each key is made once from
        // the few series, architectures and components, so every mirror shares the same strings.
        Map<Long, String> seriesNames = names("SELECT r.id, r.name FROM DistroRelease r");
        Map<Long, String> componentNames = names("SELECT c.id, c.name FROM Component c");
        Map<Long, Object[]> architectures = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT a.id, a.distroRelease.id, a.architectureTag FROM DistroArchRelease a",
                Object[].class).getResultList()) {
            architectures.put((Long) row[0], row);
        }
        Map<String, String> keys = new HashMap<>();
        Map<Long, Set<String>> carries = new HashMap<>();
        for (Object[] row : rows("SELECT m.id, x.distroArchRelease.id, x.pocket, x.component.id"
                + " FROM MirrorDistroArchRelease x JOIN x.distributionMirror m WHERE x.freshness IN :fresh AND "
                + ELIGIBLE, fresh)) {
            Object[] architecture = architectures.get((Long) row[1]);
            String suite = seriesNames.get((Long) architecture[1]) + ((PackagePublishingPocket) row[2]).suffix();
            Set<String> mirror = carries.computeIfAbsent((Long) row[0], id -> new HashSet<>());
            mirror.add(keys.computeIfAbsent(suite, key -> key));
            mirror.add(keys.computeIfAbsent(suite + "/" + componentNames.get((Long) row[3]) + "/binary-"
                    + architecture[2], key -> key));
        }
        for (Object[] row : rows("SELECT m.id, x.distroRelease.id, x.pocket, x.component.id"
                + " FROM MirrorDistroReleaseSource x JOIN x.distributionMirror m WHERE x.freshness IN :fresh AND "
                + ELIGIBLE, fresh)) {
            String suite = seriesNames.get((Long) row[1]) + ((PackagePublishingPocket) row[2]).suffix();
            Set<String> mirror = carries.computeIfAbsent((Long) row[0], id -> new HashSet<>());
            mirror.add(keys.computeIfAbsent(suite, key -> key));
            mirror.add(keys.computeIfAbsent(suite + "/" + componentNames.get((Long) row[3]) + "/source", key -> key));
        }
        for (Object[] row : rows("SELECT m.id, x.distroRelease.id FROM MirrorCDImageDistroRelease x"
                + " JOIN x.distributionMirror m WHERE " + ELIGIBLE, fresh)) {
            carries.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add(seriesNames.get((Long) row[1]));
        }
        suiteConsistency.inconsistentSuitesByMirror().forEach((mirrorId, suites) -> {
            Set<String> carried = carries.get(mirrorId);
            if (carried != null) {
                dropSuites(carried, suites);
            }
        });
        Map<String, List<RouteCandidate>> archive = new HashMap<>();
        Map<String, List<RouteCandidate>> releases = new HashMap<>();
        Set<Long> inMaintenance = keepInMaintenance ? Set.of() : maintenance.mirrorsInMaintenance(now);
        for (Object[] row : rows("SELECT m.id, m.name, m.httpBaseUrl, m.httpsBaseUrl, m.speed, c.isoCode,"
                + " c.continent, m.content, d.name, m.tls.state, m.families.ipv4, m.families.ipv6"
                + " FROM DistributionMirror m JOIN m.country c"
                + " JOIN m.distribution d WHERE " + ELIGIBLE
                + " AND (m.httpBaseUrl IS NOT NULL OR m.httpsBaseUrl IS NOT NULL) ORDER BY m.id", fresh)) {
            if (inMaintenance.contains((Long) row[0])) {
                continue;
            }
            Optional<MirrorUrl> url = webUrl((MirrorUrl) row[2], (MirrorUrl) row[3], (TlsState) row[9]);
            if (url.isEmpty()) {
                continue;
            }
            RouteCandidate candidate = new RouteCandidate((Long) row[0], (String) row[1], url.get().value(),
                    ((MirrorSpeed) row[4]).kilobitsPerSecond(), ((String) row[5]).strip(),
                    ((Continent) row[6]).name(), 0, families(url.get(), (FamilyState) row[10], (FamilyState) row[11]),
                    carries.getOrDefault((Long) row[0], Set.of()));
            candidate = hosts.apply(url.get().value()).map(candidate::withHost).orElse(candidate);
            (row[7] == MirrorContent.RELEASE ? releases : archive)
                    .computeIfAbsent((String) row[8], name -> new ArrayList<>()).add(candidate);
        }
        Map<String, Set<String>> series = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT d.name, r.name FROM DistroRelease r JOIN r.distribution d",
                Object[].class).getResultList()) {
            series.computeIfAbsent((String) row[0], name -> new HashSet<>()).add((String) row[1]);
        }
        Map<String, DistributionRoutes> distributions = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT d.name, d.mainArchiveUrl, d.mainReleasesUrl FROM Distribution d",
                Object[].class).getResultList()) {
            String name = (String) row[0];
            distributions.put(name, new DistributionRoutes(name, (String) row[1], (String) row[2],
                    new CandidateIndex(archive.getOrDefault(name, List.of())),
                    new CandidateIndex(releases.getOrDefault(name, List.of())), series.getOrDefault(name, Set.of())));
        }
        Map<String, String> continents = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT c.isoCode, c.continent FROM Country c", Object[].class)
                .getResultList()) {
            continents.put(((String) row[0]).strip(), ((Continent) row[1]).name());
        }
        return new RoutingSnapshot(distributions, continents, now, Duration.ofNanos(System.nanoTime() - begin));
    }

    /**
     * The URL handed to clients: HTTPS unless its newest probe found a certificate that clients refuse (an
     * expiring one still works), then HTTP; none when a broken HTTPS is all the mirror has. A certificate
     * not checked yet does not count against it.
     */
    static Optional<MirrorUrl> webUrl(MirrorUrl http, MirrorUrl https, TlsState tls) {
        if (https != null && (tls == null || tls.worksForClients())) {
            return Optional.of(https);
        }
        return Optional.ofNullable(http);
    }

    /** What the newest probe found; before a probe, a host written as an address has its own family. */
    static AddressFamilies families(MirrorUrl url, FamilyState ipv4, FamilyState ipv6) {
        AddressFamilies probed = AddressFamilies.of(ipv4, ipv6);
        return probed != AddressFamilies.UNKNOWN ? probed
                : AddressFamilies.ofHost(java.net.URI.create(url.value()).getHost());
    }

    /**
     * Takes inconsistent suites out of what a mirror carries: the suite ("noble-updates") and each of its
     * indexes ("noble-updates/main/binary-amd64"), not a suite that merely begins with the same name.
     */
    static void dropSuites(Set<String> carried, Set<String> inconsistent) {
        carried.removeIf(key -> {
            int slash = key.indexOf('/');
            return inconsistent.contains(slash < 0 ? key : key.substring(0, slash));
        });
    }

    private Map<Long, String> names(String jpql) {
        Map<Long, String> names = new HashMap<>();
        em.createQuery(jpql, Object[].class).getResultList().forEach(row -> names.put((Long) row[0], (String) row[1]));
        return names;
    }

    private List<Object[]> rows(String jpql, List<MirrorStatus> fresh) {
        return em.createQuery(jpql, Object[].class).setParameter("fresh", fresh).getResultList();
    }
}
