package org.mirrorwatch.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mirrorwatch.publishing.boundary.PublicationFacade;
import org.mirrorwatch.publishing.entity.BinaryPackagePublication;
import org.mirrorwatch.publishing.entity.PackagePublishingStatus;
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.registry.boundary.MirrorSummary;
import org.mirrorwatch.registry.boundary.MirrorForm;
import org.mirrorwatch.identity.boundary.PersonFacade;
import org.mirrorwatch.reference.entity.Component;
import org.mirrorwatch.reference.entity.Distribution;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.reference.entity.DistroArchRelease;
import org.mirrorwatch.reference.entity.DistroRelease;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorContentRecord;
import org.mirrorwatch.registry.entity.MirrorDistroArchRelease;
import org.mirrorwatch.registry.entity.MirrorDistroReleaseSource;
import org.mirrorwatch.registry.entity.MirrorProbeRecord;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;
import org.mirrorwatch.registry.entity.PackagesIndexPath;
import org.mirrorwatch.registry.entity.SourcesIndexPath;
import org.mirrorwatch.testing.Deployments;
import org.mirrorwatch.testing.RegistryTestData;
import org.mirrorwatch.testing.SeedWorld;
import org.mirrorwatch.testing.TestLogin;
import org.mirrorwatch.testing.TestDatabase;

/**
 * The seed's doctest (shared/seed/000_f5a690c4450d85bd.txt), step by step, up to "Running the prober
 * script". Steps run in the seed's order on one database, as the doctest does; each asserts what the
 * seed prints. disableAndNotifyOwner and the prober script are ported with the prober.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionMirrorSeedIT {

    private static final PackagePublishingPocket POCKET = PackagePublishingPocket.RELEASE;

    @Deployment
    static WebArchive deployment() {
        return Deployments.mirrorwatch();
    }

    @BeforeAll
    static void seedWorld() {
        SeedWorld.load();
    }

    /** The seed's {@code login('foo.bar@canonical.com')}: Foo Bar is a mirror administrator. */
    @BeforeEach
    void loginAsFooBar() {
        TestLogin.as("foo.bar@canonical.com");
    }

    @Inject
    DistributionFacade distributions;

    @Inject
    MirrorFacade mirrors;

    @Inject
    RegistryTestData registry;

    @Inject
    PersonFacade people;

    @Inject
    PublicationFacade publications;

    private Distribution ubuntu() {
        return distributions.getDistribution(1);
    }

    private DistroRelease warty() {
        return distributions.getRelease(1);
    }

    private DistroArchRelease wartyI386() {
        return distributions.getArchRelease(1);
    }

    private Component wartyComponent() {
        return warty().getComponents().get(0);
    }

    private DistributionMirror foobarmirror() {
        return registry.getMirrorByName("foobarmirror");
    }

    @Test
    @Order(1)
    void newMirror_isNotOfficial() {
        long owner = people.getByName("name16").getId();
        MirrorSummary newMirror = distributions.newMirror(ubuntu().getId(), owner, MirrorForm.of("foobarmirror",
                MirrorSpeed.S2M, "BR", MirrorContent.ARCHIVE, MirrorPulseType.PUSH, "http://foo.bar.com/pub"));

        assertFalse(newMirror.official());
    }

    @Test
    @Order(2)
    void newMirror_carriesNothing() {
        assertEquals(0, registry.countSourceReleases(foobarmirror().getId()));
        assertEquals(0, registry.countArchReleases(foobarmirror().getId()));
    }

    @Test
    @Order(3)
    void ensureMirrorDistroArchReleaseAndSource_createOneRecordEach() {
        long mirror = foobarmirror().getId();
        registry.ensureMirrorDistroArchRelease(mirror, wartyI386().getId(), POCKET, wartyComponent().getId());
        registry.ensureMirrorDistroReleaseSource(mirror, warty().getId(), POCKET, wartyComponent().getId());

        assertEquals(1, registry.countSourceReleases(mirror));
        assertEquals(1, registry.countArchReleases(mirror));
    }

    @Test
    @Order(4)
    void ensureMirrorDistroArchReleaseAndSource_returnExistingRecord() {
        long mirror = foobarmirror().getId();
        MirrorDistroArchRelease wartyI386Mirror = registry.findMirrorDistroArchRelease(mirror, wartyI386().getId(),
                POCKET, wartyComponent().getId()).orElseThrow();
        MirrorDistroReleaseSource wartyMirror = registry.findMirrorDistroReleaseSource(mirror, warty().getId(),
                POCKET, wartyComponent().getId()).orElseThrow();

        MirrorDistroArchRelease sameWartyI386Mirror = registry.ensureMirrorDistroArchRelease(mirror,
                wartyI386().getId(), POCKET, wartyComponent().getId());
        MirrorDistroReleaseSource sameWartyMirror = registry.ensureMirrorDistroReleaseSource(mirror, warty().getId(),
                POCKET, wartyComponent().getId());

        assertEquals(wartyI386Mirror, sameWartyI386Mirror);
        assertEquals(wartyI386Mirror.getId(), sameWartyI386Mirror.getId());
        assertEquals(wartyMirror, sameWartyMirror);
        assertEquals(wartyMirror.getId(), sameWartyMirror.getId());
        assertEquals(1, registry.countSourceReleases(mirror));
        assertEquals(1, registry.countArchReleases(mirror));
    }

    @Test
    @Order(5)
    void deleteMirrorDistroReleaseSourceAndArchRelease_removeTheRecords() {
        long mirror = foobarmirror().getId();
        registry.deleteMirrorDistroReleaseSource(mirror, warty().getId(), POCKET, wartyComponent().getId());
        registry.deleteMirrorDistroArchRelease(mirror, wartyI386().getId(), POCKET, wartyComponent().getId());

        assertEquals(0, registry.countSourceReleases(mirror));
        assertEquals(0, registry.countArchReleases(mirror));
    }

    @Test
    @Order(6)
    void enabledOfficialMirrors_listsValidMirror() {
        assertEquals(List.of("valid-mirror, Afghanistan"),
                namesWithCountries(registry.enabledOfficialMirrors(ubuntu().getId())));
    }

    @Test
    @Order(7)
    void enabledMirrors_listsTheFourInOrder() {
        assertEquals(List.of("valid-mirror, Afghanistan",
                        "invalid-mirror, British Indian Ocean Territory",
                        "unreachable-mirror, British Indian Ocean Territory",
                        "archive-404-mirror, British Indian Ocean Territory"),
                namesWithCountries(registry.enabledMirrors(ubuntu().getId())));
    }

    @Test
    @Order(8)
    void getMirrorsToProbe_skipsMirrorsProbedInTheLast24Hours() {
        assertEquals(List.of("valid-mirror", "archive-404-mirror"), mirrorsToProbe());

        DistributionMirror validMirror = registry.getMirror(1);
        assertEquals("valid-mirror", validMirror.getName());
        assertTrue(validMirror.isEnabled());
        MirrorProbeRecord probeRecord = registry.newProbeRecord(validMirror.getId(),
                "Fake probe, nothing useful here.");

        assertEquals(List.of("archive-404-mirror"), mirrorsToProbe());

        // The seed destroys the record so that the prober script probes valid-mirror again.
        TestDatabase.execute("DELETE FROM mirror_probe_record WHERE id = " + probeRecord.getId());
        assertEquals(List.of("valid-mirror", "archive-404-mirror"), mirrorsToProbe());
    }

    @Test
    @Order(9)
    void guessPackagesPaths_listsHoaryIndexesInPocketOrder() {
        DistributionMirror mirror = registry.getMirrorByName("archive-404-mirror");
        List<String> hoaryPaths = mirror.guessPackagesPaths().stream()
                .map(PackagesIndexPath::path).filter(path -> path.contains("hoary")).toList();

        assertEquals(List.of(
                "dists/hoary/main/binary-i386/Packages.gz",
                "dists/hoary/restricted/binary-i386/Packages.gz",
                "dists/hoary-backports/main/binary-i386/Packages.gz",
                "dists/hoary-backports/restricted/binary-i386/Packages.gz",
                "dists/hoary-security/main/binary-i386/Packages.gz",
                "dists/hoary-security/restricted/binary-i386/Packages.gz",
                "dists/hoary-updates/main/binary-i386/Packages.gz",
                "dists/hoary-updates/restricted/binary-i386/Packages.gz",
                "dists/hoary-proposed/main/binary-i386/Packages.gz",
                "dists/hoary-proposed/restricted/binary-i386/Packages.gz"), hoaryPaths);
    }

    @Test
    @Order(10)
    void guessSourcesPaths_listsHoaryIndexesInPocketOrder() {
        DistributionMirror mirror = registry.getMirrorByName("archive-404-mirror");
        List<String> hoaryPaths = mirror.guessSourcesPaths().stream()
                .map(SourcesIndexPath::path).filter(path -> path.contains("hoary")).toList();

        assertEquals(List.of(
                "dists/hoary/main/source/Sources.gz",
                "dists/hoary/restricted/source/Sources.gz",
                "dists/hoary-backports/main/source/Sources.gz",
                "dists/hoary-backports/restricted/source/Sources.gz",
                "dists/hoary-security/main/source/Sources.gz",
                "dists/hoary-security/restricted/source/Sources.gz",
                "dists/hoary-updates/main/source/Sources.gz",
                "dists/hoary-updates/restricted/source/Sources.gz",
                "dists/hoary-proposed/main/source/Sources.gz",
                "dists/hoary-proposed/restricted/source/Sources.gz"), hoaryPaths);
    }

    @Test
    @Order(11)
    void getURLsToCheckUpdateness_ofWartySources_on2005_09_17() {
        Map<MirrorStatus, String> urls = registry.getURLsToCheckUpdateness(wartyMirror(),
                Instant.parse("2005-09-17T00:00:00Z"));

        assertEquals(List.of(
                "ONEDAYBEHIND http://foo.bar.com/pub/pool/main/a/alsa-utils/alsa-utils_1.0.9a-4.dsc",
                "TWODAYSBEHIND http://foo.bar.com/pub/pool/main/a/alsa-utils/alsa-utils_1.0.8-1ubuntu1.dsc"),
                items(urls));
    }

    @Test
    @Order(12)
    void getURLsToCheckUpdateness_ofWartySources_today() {
        Map<MirrorStatus, String> urls = registry.getURLsToCheckUpdateness(wartyMirror());

        assertEquals(List.of("UP http://foo.bar.com/pub/pool/main/a/alsa-utils/alsa-utils_1.0.9a-4.dsc"),
                items(urls));
    }

    @Test
    @Order(13)
    void wartyI386Uploads_inTheFirstHalfHourOf2005_06_20_areAUdebThenADeb() {
        MirrorStatus recentStatus = MirrorStatus.known().get(0);
        assertEquals(MirrorStatus.UP, recentStatus);
        assertEquals(Duration.ofMinutes(30), recentStatus.threshold());

        Instant start = Instant.parse("2005-06-20T00:00:00Z");
        List<BinaryPackagePublication> uploads = publications.binaryPublications(wartyI386().getId(), POCKET,
                wartyComponent().getId(), PackagePublishingStatus.PUBLISHED, start, start.plus(recentStatus.threshold()));

        assertEquals(2, uploads.size());
        assertEquals("0.1-1", uploads.get(0).getVersion());
        assertEquals("UDEB Format", uploads.get(0).getFiles().get(0).getFileType().title());
        assertEquals("2:1.9-1", uploads.get(1).getVersion());
        assertEquals("DEB Format", uploads.get(1).getFiles().get(0).getFileType().title());
    }

    @Test
    @Order(14)
    void getURLsToCheckUpdateness_ofWartyI386_on2005_06_22() {
        Map<MirrorStatus, String> urls = registry.getURLsToCheckUpdateness(wartyI386Mirror(),
                Instant.parse("2005-06-22T00:00:00Z"));

        assertEquals(List.of(
                "TWODAYSBEHIND http://foo.bar.com/pub/pool/main/p/pmount/pmount_1.9-1_all.deb",
                "ONEWEEKBEHIND http://foo.bar.com/pub/pool/main/m/mozilla-firefox/mozilla-firefox_0.9_i386.deb"),
                items(urls));
    }

    @Test
    @Order(15)
    void getURLsToCheckUpdateness_ofWartyI386_on2005_06_20_at_00_01() {
        Map<MirrorStatus, String> urls = registry.getURLsToCheckUpdateness(wartyI386Mirror(),
                Instant.parse("2005-06-20T00:01:00Z"));

        assertEquals(List.of(
                "UP http://foo.bar.com/pub/pool/main/p/pmount/pmount_1.9-1_all.deb",
                "TWODAYSBEHIND http://foo.bar.com/pub/pool/main/m/mozilla-firefox/mozilla-firefox_0.9_i386.deb"),
                items(urls));
    }

    /** The seed keeps using warty_mirror after deleting it; so do we, by making it again. */
    private MirrorContentRecord wartyMirror() {
        return registry.ensureMirrorDistroReleaseSource(foobarmirror().getId(), warty().getId(), POCKET,
                wartyComponent().getId());
    }

    private MirrorContentRecord wartyI386Mirror() {
        return registry.ensureMirrorDistroArchRelease(foobarmirror().getId(), wartyI386().getId(), POCKET,
                wartyComponent().getId());
    }

    private List<String> mirrorsToProbe() {
        return registry.getMirrorsToProbe(MirrorContent.ARCHIVE, 100).stream().map(DistributionMirror::getName)
                .toList();
    }

    private static List<String> namesWithCountries(List<DistributionMirror> list) {
        return list.stream().map(m -> m.getName() + ", " + m.getCountry().getName()).toList();
    }

    private static List<String> items(Map<MirrorStatus, String> urls) {
        return urls.entrySet().stream().map(e -> e.getKey().name() + " " + e.getValue())
                .collect(Collectors.toList());
    }
}
