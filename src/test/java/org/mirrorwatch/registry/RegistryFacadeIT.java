package org.mirrorwatch.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mirrorwatch.platform.ConflictException;
import org.mirrorwatch.platform.FieldError;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.publishing.boundary.ImportResult;
import org.mirrorwatch.publishing.boundary.PublicationImport;
import org.mirrorwatch.publishing.boundary.PublicationImportFacade;
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.registry.boundary.MirrorSummary;
import org.mirrorwatch.registry.boundary.MirrorForm;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorDistroArchRelease;
import org.mirrorwatch.registry.entity.MirrorProbeRecord;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.testing.Deployments;
import org.mirrorwatch.testing.Failures;
import org.mirrorwatch.testing.RegistryTestData;
import org.mirrorwatch.testing.SeedWorld;
import org.mirrorwatch.testing.TestClock;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;

/** The registry's facades on Payara and PostgreSQL: rules, conflicts, concurrency and the probe queue. */
@ExtendWith(ArquillianExtension.class)
class RegistryFacadeIT {

    private static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");

    @Deployment
    static WebArchive deployment() {
        return Deployments.mirrorwatch();
    }

    @Inject
    DistributionFacade distributions;

    @Inject
    MirrorFacade mirrors;

    @Inject
    RegistryTestData registry;

    @Inject
    TestClock clock;

    @Inject
    PublicationImportFacade imports;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @ArquillianResource
    URL deploymentUrl;

    @BeforeEach
    void seedWorld() {
        SeedWorld.load();
        TestLogin.asAdmin();
    }

    @AfterEach
    void realTime() {
        clock.followSystemClock();
    }

    private static MirrorForm archiveMirror(String name, String httpUrl) {
        return MirrorForm.of(name, MirrorSpeed.S100M, "BR", MirrorContent.ARCHIVE, MirrorPulseType.PULL, httpUrl);
    }

    private static long countRows(String table) {
        return TestDatabase.count("SELECT count(*) FROM " + table);
    }

    @Test
    void newMirror_savesNormalizedUrlsAndTheDescription() {
        MirrorForm form = new MirrorForm("mirror.example.org", "Example Mirror", "In the basement.", MirrorSpeed.S1G,
                "br", MirrorContent.ARCHIVE, null, "HTTP://Mirror.Example.ORG/ubuntu", "https://mirror.example.org/ubuntu",
                "", "rsync://mirror.example.org/ubuntu", true);

        MirrorSummary created = distributions.newMirror(1, 1, form);
        DistributionMirror mirror = registry.getMirror(created.id());

        assertEquals("http://mirror.example.org/ubuntu/", mirror.getHttpBaseUrl().orElseThrow().value());
        assertEquals("https://mirror.example.org/ubuntu/", mirror.getBaseUrl().value());
        assertEquals("Example Mirror", mirror.getTitle());
        assertEquals("Brazil", mirror.getCountry().getName());
        assertEquals(MirrorPulseType.PULL, mirror.getPulseType());
        assertTrue(mirror.isOfficialCandidate());
        assertEquals(false, mirror.isEnabled());
    }

    @Test
    void newMirror_withBrokenRules_reportsEachFieldAndSavesNothing() {
        long before = countRows("distribution_mirror");
        MirrorForm form = new MirrorForm("Not A Name", null, null, null, "ZZ", MirrorContent.ARCHIVE, null,
                "http://user:pw@mirror.example.org/", null, null, null, false);

        InvalidInputException e = Failures.thrown(InvalidInputException.class, () -> distributions.newMirror(1, 1, form));

        assertEquals(List.of("name", "speed", "countryCode", "httpBaseUrl"),
                e.getErrors().stream().map(FieldError::field).toList());
        assertEquals(before, countRows("distribution_mirror"));
    }

    @Test
    void newMirror_withATakenName_isAConflictOnTheName() {
        ConflictException e = Failures.thrown(ConflictException.class,
                () -> distributions.newMirror(1, 1, archiveMirror("valid-mirror", "http://elsewhere.example.org/")));

        assertEquals("name", e.getField());
        assertEquals(4, countRows("distribution_mirror"));
    }

    @Test
    void newMirror_withATakenUrl_isAConflictOnTheUrl_evenInAnotherCase() {
        distributions.newMirror(1, 1, archiveMirror("first", "http://mirror.example.org/ubuntu/"));

        ConflictException e = Failures.thrown(ConflictException.class,
                () -> distributions.newMirror(1, 1, archiveMirror("second", "http://MIRROR.example.org/ubuntu")));

        assertEquals("httpBaseUrl", e.getField());
        assertEquals(5, countRows("distribution_mirror"));
    }

    @Test
    void newMirror_forAnUnknownOwnerOrDistribution_isNotFound() {
        Failures.thrown(NotFoundException.class, () -> distributions.newMirror(1, 999, archiveMirror("m1", "http://m1/")));
        Failures.thrown(NotFoundException.class, () -> distributions.newMirror(999, 1, archiveMirror("m1", "http://m1/")));
    }

    @Test
    void ensureMirrorDistroArchRelease_underEightConcurrentTransactions_leavesOneRowAndNoError() throws Exception {
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(executor.submit(() -> {
                start.await(5, TimeUnit.SECONDS);
                MirrorDistroArchRelease record = registry.ensureMirrorDistroArchRelease(1, 1,
                        PackagePublishingPocket.UPDATES, 2);
                return record.getId();
            }));
        }
        List<Long> ids = new ArrayList<>();
        for (Future<Long> result : results) {
            ids.add(result.get(10, TimeUnit.SECONDS));
        }

        assertEquals(1, ids.stream().distinct().count(), "every caller got the same record: " + ids);
        assertEquals(1, countRows("mirror_distro_arch_release"));
    }

    @Test
    void ensureMirrorDistroReleaseSource_underEightConcurrentTransactions_leavesOneRowAndNoError() throws Exception {
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(executor.submit(() -> {
                start.await(5, TimeUnit.SECONDS);
                return registry.ensureMirrorDistroReleaseSource(4, 2, PackagePublishingPocket.SECURITY, 1).getId();
            }));
        }
        List<Long> ids = new ArrayList<>();
        for (Future<Long> result : results) {
            ids.add(result.get(10, TimeUnit.SECONDS));
        }

        assertEquals(1, ids.stream().distinct().count(), "every caller got the same record: " + ids);
        assertEquals(1, countRows("mirror_distro_release_source"));
    }

    @Test
    void deleteMirrorDistroArchRelease_ofAMissingRecord_changesNothing() {
        registry.deleteMirrorDistroArchRelease(1, 1, PackagePublishingPocket.RELEASE, 1);
        assertEquals(0, registry.countArchReleases(1));
    }

    @Test
    void getMirrorsToProbe_takesEnabledAndProberDisabled_neverProbedFirst_thenOldest_tiesById() {
        TestDatabase.reset("probe-queue");
        TestLogin.asAdmin();
        clock.fixAt(T0);
        registry.newProbeRecord(mirrors.mirror("f-enabled").id(), "probed first");
        clock.fixAt(T0.plus(Duration.ofHours(2)));
        registry.newProbeRecord(mirrors.mirror("a-enabled").id(), "probed second");

        clock.fixAt(T0.plus(Duration.ofHours(25)));
        assertEquals(List.of("b-prober-disabled", "f-enabled"), names(registry.getMirrorsToProbe(MirrorContent.ARCHIVE, 10)),
                "a-enabled was probed 23 hours ago");

        clock.fixAt(T0.plus(Duration.ofHours(26)));
        assertEquals(List.of("b-prober-disabled", "f-enabled"), names(registry.getMirrorsToProbe(MirrorContent.ARCHIVE, 10)),
                "a-enabled was probed exactly 24 hours ago: not yet due");

        clock.fixAt(T0.plus(Duration.ofHours(26)).plusSeconds(1));
        assertEquals(List.of("b-prober-disabled", "f-enabled", "a-enabled"),
                names(registry.getMirrorsToProbe(MirrorContent.ARCHIVE, 10)));
        assertEquals(List.of("b-prober-disabled", "f-enabled"), names(registry.getMirrorsToProbe(MirrorContent.ARCHIVE, 2)));
        assertEquals(List.of("e-release"), names(registry.getMirrorsToProbe(MirrorContent.RELEASE, 10)));
    }

    @Test
    void getMirrorsToProbe_breaksTiesOfNeverProbedMirrorsById() {
        TestDatabase.reset("probe-queue");
        TestLogin.asAdmin();
        assertEquals(List.of("a-enabled", "b-prober-disabled", "f-enabled"),
                names(registry.getMirrorsToProbe(MirrorContent.ARCHIVE, 10)));
    }

    @Test
    void newProbeRecord_storesTheLogInTheLibrarian_atAStableDownloadUrl() throws Exception {
        String log = "Fake probe, nothing useful here.\n<script>alert(1)</script>\n";
        MirrorProbeRecord record = registry.newProbeRecord(1, log);

        URI download = deploymentUrl.toURI().resolve(record.getLogFile().getDownloadPath().substring(1));
        // Probe logs are for the mirror's owner and administrators: Foo Bar is both.
        String fooBar = "Basic " + Base64.getEncoder().encodeToString(("name16:" + TestLogin.PASSWORD).getBytes(UTF_8));
        assertEquals(401, HttpClient.newHttpClient().send(HttpRequest.newBuilder(download).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(download).header("Authorization", fooBar).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals(log, response.body());
        assertEquals("text/plain;charset=UTF-8", response.headers().firstValue("Content-Type").orElseThrow()
                .replace(" ", ""));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(List.of(record.getId()), mirrors.probeRecords(1, 10).stream().map(MirrorFacade.ProbeEntry::id).toList());

        HttpResponse<String> wrongName = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                download.resolve("other.log")).header("Authorization", fooBar).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, wrongName.statusCode());
        assertTrue(wrongName.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
    }

    @Test
    void schema_usesBigintIds_andHasTheHotQueryIndexes() throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT table_name, data_type FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND column_name = 'id' AND data_type <> 'bigint'")) {
                assertTrue(!rs.next(), "every id is a bigint");
            }
            List<String> indexes = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    indexes.add(rs.getString(1));
                }
            }
            assertTrue(indexes.containsAll(List.of("distribution_mirror_probe_eligible_idx",
                    "mirror_probe_record_mirror_date_idx", "binary_package_publication_newest_idx",
                    "source_package_publication_newest_idx", "mirror_distro_arch_release_key",
                    "mirror_distro_release_source_key", "distribution_mirror_name_key",
                    "distribution_mirror_http_base_url_key")), indexes.toString());
        }
    }

    private static List<String> names(List<DistributionMirror> list) {
        return list.stream().map(DistributionMirror::getName).toList();
    }

    @Test
    void importedPublications_giveTheUrlsToCheckForFreshness() {
        TestDatabase.reset("access-world");
        TestDatabase.execute("UPDATE person SET publisher = true WHERE name = 'admin'");
        TestLogin.as("admin");
        Instant now = Instant.parse("2026-01-10T12:00:00Z");
        ImportResult result = imports.importBatch(List.of(
                helloDeb("2.10-3", now.minus(Duration.ofMinutes(5))),
                helloDeb("2.10-2", now.minus(Duration.ofHours(3))),
                helloDeb("2.10-1", now.minus(Duration.ofHours(30)))));
        assertEquals(3, result.created());

        MirrorDistroArchRelease record = registry.ensureMirrorDistroArchRelease(
                mirrors.mirror("alice-mirror").id(), 1, PackagePublishingPocket.UPDATES, 1);

        assertEquals(Map.of(
                MirrorStatus.UP, "http://alice.example.org/ubuntu/pool/main/h/hello/hello_2.10-3_amd64.deb",
                MirrorStatus.SIXHOURSBEHIND, "http://alice.example.org/ubuntu/pool/main/h/hello/hello_2.10-2_amd64.deb",
                MirrorStatus.TWODAYSBEHIND, "http://alice.example.org/ubuntu/pool/main/h/hello/hello_2.10-1_amd64.deb"),
                registry.getURLsToCheckUpdateness(record, now));
    }

    private static PublicationImport helloDeb(String version, Instant published) {
        return new PublicationImport("BINARY", "hello", version, "hello", "ubuntu", "noble", "amd64", "UPDATES", "main",
                "PUBLISHED", published.toString(),
                List.of(new PublicationImport.FileImport("hello_" + version + "_amd64.deb", "DEB")));
    }
}
