package org.mirrorwatch.probing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mirrorwatch.registry.boundary.FreshnessHistory;
import org.mirrorwatch.registry.boundary.FreshnessSnapshot;
import org.mirrorwatch.probing.boundary.ProbeRounds;
import org.mirrorwatch.probing.boundary.ProbeRunSummary;
import org.mirrorwatch.probing.boundary.RoundAlreadyRunningException;
import org.mirrorwatch.probing.control.ProbeRunStore;
import org.mirrorwatch.probing.entity.RunState;
import org.mirrorwatch.probing.entity.RunTrigger;
import org.mirrorwatch.platform.FieldError;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.registry.boundary.CdImageManifestFacade;
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.registry.boundary.MirrorForm;
import org.mirrorwatch.registry.entity.DisabledBy;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorContentRecord;
import org.mirrorwatch.registry.entity.MirrorDistroArchRelease;
import org.mirrorwatch.registry.entity.MirrorProbeRecord;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.registry.entity.MirrorStatus;
import org.mirrorwatch.testing.Deployments;
import org.mirrorwatch.testing.FakeFtpMirror;
import org.mirrorwatch.testing.FakeMirror;
import org.mirrorwatch.testing.FakeMirrorFarm;
import org.mirrorwatch.testing.Failures;
import org.mirrorwatch.testing.RegistryTestData;
import org.mirrorwatch.testing.SeedWorld;
import org.mirrorwatch.testing.TestClock;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;

/**
 * The prober against real HTTP fake mirrors on loopback, real SMTP (GreenMail) and PostgreSQL: the rest
 * of the seed, the farm's cases, politeness, the lease, the outbox and re-enabling.
 */
@ExtendWith(ArquillianExtension.class)
class ProberIT {

    private static final Logger LOG = Logger.getLogger(ProberIT.class.getName());
    private static final Duration ROUND_LIMIT = Duration.ofSeconds(5);
    private static final Duration MAIL_LIMIT = Duration.ofSeconds(2);

    @Deployment
    static WebArchive deployment() {
        WebArchive archive = Deployments.mirrorwatch(Map.of(
                "mirrorwatch.probe.timeout", "PT1S",
                "mirrorwatch.probe.per-host-limit", "2",
                "mirrorwatch.probe.overall-limit", "5",
                "mirrorwatch.probe.lease-ttl", "PT3S",
                "mirrorwatch.mail.retry.enabled", "true",
                "mirrorwatch.mail.retry.interval", "PT0.2S",
                "mirrorwatch.mail.retry.first-backoff", "PT0.1S",
                "mirrorwatch.mail.retry.max-backoff", "PT0.3S"));
        Deployments.withLibraryOf(archive, FakeFtpMirror.libraries().toArray(Class<?>[]::new));
        return Deployments.withLibraryOf(archive, GreenMail.class, Awaitility.class, Matcher.class)
                .addClasses(ProberWorld.class, FakeFtpMirror.class);
    }

    @Inject
    ProbeRounds rounds;

    @Inject
    MirrorFacade mirrors;


    @Inject
    RegistryTestData registry;

    @Inject
    DistributionFacade distributions;

    @Inject
    TestClock clock;

    @Inject
    FreshnessHistory history;

    @Inject
    ProbeRunStore runStore;

    @Inject
    CdImageManifestFacade manifests;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private FakeMirrorFarm farm;
    private GreenMail smtp;

    @BeforeEach
    void startFarmAndSmtp() {
        farm = new FakeMirrorFarm();
        smtp = new GreenMail(new ServerSetup(Integer.getInteger("mirrorwatch.mail.port"), "127.0.0.1", "smtp"));
        smtp.start();
    }

    @AfterEach
    void stopFarmAndSmtp() {
        farm.close();
        smtp.stop();
        clock.followSystemClock();
    }

    // --- the rest of the seed ------------------------------------------------------------------------

    @Test
    void seed_disableAndNotifyOwner_sendsExactlyOneMailToTheOwner() throws Exception {
        SeedWorld.load();
        TestLogin.asAdmin();
        DistributionMirror otherMirror = registry.getMirror(2);
        assertTrue(otherMirror.isEnabled());

        registry.disableAndNotifyOwner(otherMirror.getId());

        assertTrue(smtp.waitForIncomingEmail(MAIL_LIMIT.toMillis(), 1));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Foo Bar <foo.bar@canonical.com>", received[0].getHeader("To")[0]);
        assertEquals("Verification of invalid-mirror failed", received[0].getSubject());
        assertFalse(registry.getMirror(2).isEnabled());

        mirrors.enable(2);
        assertTrue(registry.getMirror(2).isEnabled());
        await().during(Duration.ofMillis(300)).atMost(MAIL_LIMIT).until(() -> smtp.getReceivedMessages().length == 1);
    }

    @Test
    void seed_runningTheProberScript_probesTheTwoDueMirrors() throws Exception {
        FakeMirror server = farm.newMirror();
        SeedWorld.load(server.baseUrl());
        TestLogin.asAdmin();
        server.serve(seedArchive("valid-mirror/"));
        clock.fixAt(Instant.parse("2005-06-22T00:00:00Z"));

        long started = System.nanoTime();
        ProbeRunSummary run = finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(List.of("INFO    Probing Distribution Mirrors", "INFO    Probed 2 mirrors.", "INFO    Done."),
                logLinesOf(run));
        assertEquals(RunState.DONE, run.state());
        assertEquals(2, run.mirrorsDone());
        assertEquals(2, run.mirrorsTotal());
        assertEquals(server.requests(), run.requests());
        LOG.info(() -> "Seed world probed: 2 mirrors, " + run.requests() + " requests, " + millis + " ms");

        assertEquals(Map.of("warty i386 RELEASE main", MirrorStatus.UP), contentOf("valid-mirror"));
        assertTrue(registry.getMirrorByName("valid-mirror").isEnabled());
        assertEquals(Map.of(), contentOf("archive-404-mirror"));
        assertFalse(registry.getMirrorByName("archive-404-mirror").isEnabled());
        assertTrue(smtp.waitForIncomingEmail(MAIL_LIMIT.toMillis(), 1));
        assertEquals(List.of("Verification of archive-404-mirror failed"), subjects());
    }

    @Test
    void seed_freshness_on2005_06_22_isUpForPmount_oneWeekForFirefoxOnly_unknownForNeither() throws Exception {
        FakeMirror server = farm.newMirror();
        SeedWorld.load(server.baseUrl());
        TestLogin.asAdmin();
        List<String> indexes = seedArchive("valid-mirror/").stream().filter(path -> path.contains("/dists/")).toList();
        server.serve(seedArchive("valid-mirror/"));
        server.serve(indexes.stream().map(path -> path.replace("valid-mirror/", "archive-404-mirror/")).toList());
        server.serve(List.of("archive-404-mirror/pool/main/m/mozilla-firefox/mozilla-firefox_0.9_i386.deb"));
        long neither = register("neither", server.baseUrl() + "neither/");
        server.serve(indexes.stream().map(path -> path.replace("valid-mirror/", "neither/")).toList());
        clock.fixAt(Instant.parse("2005-06-22T00:00:00Z"));

        finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL));

        assertEquals(Map.of("warty i386 RELEASE main", MirrorStatus.UP), contentOf("valid-mirror"));
        assertEquals(Map.of("warty i386 RELEASE main", MirrorStatus.ONEWEEKBEHIND), contentOf("archive-404-mirror"));
        assertEquals(Map.of("warty i386 RELEASE main", MirrorStatus.UNKNOWN), contentOf("neither"));
        assertEquals(MirrorStatus.UNKNOWN, registry.getOverallFreshness(neither));
        assertTrue(registry.getMirror(neither).isEnabled(), "an index was found, so it carries content");
    }

    /** Every index of the seed's world and the pool files of warty's publications, below {@code prefix}. */
    private List<String> seedArchive(String prefix) {
        List<String> paths = new ArrayList<>();
        long anyMirror = registry.getMirrorByName("valid-mirror").getId();
        registry.guessPackagesPaths(anyMirror).forEach(path -> paths.add(prefix + path.path()));
        registry.guessSourcesPaths(anyMirror).forEach(path -> paths.add(prefix + path.path()));
        for (String pool : List.of("pool/main/m/mozilla-firefox/mozilla-firefox_0.9_i386.deb",
                "pool/main/p/pmount/pmount_1.9-1_all.deb", "pool/main/a/alsa-utils/alsa-utils_1.0.8-1ubuntu1.dsc",
                "pool/main/a/alsa-utils/alsa-utils_1.0.9a-4.dsc")) {
            paths.add(prefix + pool);
        }
        return paths;
    }

    // --- the farm's cases ----------------------------------------------------------------------------

    @Test
    void farm_eachCaseGetsItsContentFreshnessStateMailsAndLog() throws Exception {
        TestDatabase.reset("prober-world");
        TestLogin.asAdmin();
        clock.fixAt(ProberWorld.T0);
        FakeMirror synced = farm.newMirror().serve(ProberWorld.syncedAgo(Duration.ZERO, ""));
        FakeMirror lagHour = farm.newMirror().serve(ProberWorld.syncedAgo(Duration.ofHours(1), ""));
        FakeMirror lagEight = farm.newMirror().serve(ProberWorld.syncedAgo(Duration.ofHours(8), ""));
        FakeMirror lagDays = farm.newMirror().serve(ProberWorld.syncedAgo(Duration.ofDays(3), ""));
        FakeMirror partial = farm.newMirror().serve(ProberWorld.indexes(List.of("amd64"), List.of("main")))
                .serve(ProberWorld.poolFiles().keySet());
        FakeMirror broken = farm.newMirror();
        FakeMirror sameFile = farm.newMirror().redirectEverythingTo(synced.baseUrl());
        FakeMirror noContent = farm.newMirror();
        ProberWorld.indexes(List.of("amd64", "arm64"), List.of("main", "universe"))
                .forEach(path -> noContent.answer(path, 204));
        FakeMirror otherFile = farm.newMirror();
        ProberWorld.indexes(List.of("amd64", "arm64"), List.of("main", "universe"))
                .forEach(path -> otherFile.redirect(path, synced.baseUrl() + path + ".old"));
        register("synced", synced.baseUrl());
        register("lag-1h", lagHour.baseUrl());
        register("lag-8h", lagEight.baseUrl());
        register("lag-3d", lagDays.baseUrl());
        register("partial", partial.baseUrl());
        register("broken", broken.baseUrl());
        register("redirect-same-file", sameFile.baseUrl());
        register("redirect-other-file", otherFile.baseUrl());
        register("answers-204", noContent.baseUrl());

        long started = System.nanoTime();
        ProbeRunSummary run = finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL));
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "Test farm probed: 9 mirrors, " + run.requests() + " requests, " + millis + " ms");

        assertEquals(List.of("INFO    Probing Distribution Mirrors", "INFO    Probed 9 mirrors.", "INFO    Done."),
                logLinesOf(run));
        assertEquals(farm.requests(), run.requests(), "the round counted what the farm saw");
        assertEquals(all(MirrorStatus.UP, MirrorStatus.UP, MirrorStatus.UP), contentOf("synced"));
        assertEquals(all(MirrorStatus.ONEHOURBEHIND, MirrorStatus.ONEHOURBEHIND, MirrorStatus.UP), contentOf("lag-1h"));
        assertEquals(all(MirrorStatus.ONEDAYBEHIND, MirrorStatus.ONEDAYBEHIND, MirrorStatus.UP), contentOf("lag-8h"));
        assertEquals(all(MirrorStatus.ONEWEEKBEHIND, MirrorStatus.ONEWEEKBEHIND, MirrorStatus.UP), contentOf("lag-3d"));
        assertEquals(Map.of("noble amd64 UPDATES main", MirrorStatus.UP, "noble UPDATES main source", MirrorStatus.UP),
                contentOf("partial"));
        assertEquals(Map.of(), contentOf("broken"));
        assertEquals(all(MirrorStatus.UP, MirrorStatus.UP, MirrorStatus.UP), contentOf("redirect-same-file"));
        assertEquals(Map.of(), contentOf("redirect-other-file"));
        assertEquals(Map.of(), contentOf("answers-204"), "only 200 counts, not any 2xx");
        assertTrue(synced.userAgents().stream().allMatch(agent -> agent.startsWith("Mirrorwatch/")),
                synced.userAgents().toString());

        FreshnessSnapshot lagSnapshot = history.snapshots(registry.getMirrorByName("lag-8h").getId()).get(0);
        assertEquals(MirrorStatus.ONEDAYBEHIND, lagSnapshot.overall());
        assertEquals(2, lagSnapshot.counts().get(MirrorStatus.ONEDAYBEHIND));
        assertEquals(1, lagSnapshot.counts().get(MirrorStatus.UP));
        assertEquals(0, lagSnapshot.counts().get(MirrorStatus.UNKNOWN));
        assertEquals(MirrorStatus.UNKNOWN, history.snapshots(registry.getMirrorByName("broken").getId()).get(0)
                .overall());

        for (String enabled : List.of("synced", "lag-1h", "lag-8h", "lag-3d", "partial", "redirect-same-file")) {
            assertTrue(registry.getMirrorByName(enabled).isEnabled(), enabled);
        }
        for (String disabled : List.of("broken", "redirect-other-file", "answers-204")) {
            DistributionMirror mirror = registry.getMirrorByName(disabled);
            assertFalse(mirror.isEnabled(), disabled);
            assertEquals(DisabledBy.PROBER, mirror.getDisabledBy().orElseThrow());
        }
        assertEquals(MirrorStatus.ONEDAYBEHIND, registry.getOverallFreshness(registry.getMirrorByName("lag-8h").getId()));

        assertTrue(smtp.waitForIncomingEmail(MAIL_LIMIT.toMillis(), 3));
        assertEquals(List.of("Verification of answers-204 failed", "Verification of broken failed",
                "Verification of redirect-other-file failed"), subjects().stream().sorted().toList());
        String brokenMail = bodyOf("Verification of broken failed");
        assertTrue(brokenMail.contains("Hello Mirror Owner,"), brokenMail);
        assertTrue(brokenMail.contains("your Ubuntu mirror broken (" + broken.baseUrl() + ")"), brokenMail);
        assertTrue(brokenMail.contains("out of the mirror listings until it passes a probe again"), brokenMail);
        String logUrl = "http://localhost:8080" + mirrors.probeRecords(registry.getMirrorByName("broken").getId(), 1)
                .get(0).log();
        assertTrue(brokenMail.contains("The log of that probe is at " + logUrl), "links the log: " + brokenMail);
        List<String> quoted = brokenMail.lines().filter(line -> line.startsWith("  20")).toList();
        assertEquals(20, quoted.size(), "quotes the log's first 20 lines: " + brokenMail);
        assertEquals("  " + logOf("broken").lines().findFirst().orElseThrow(), quoted.get(0));
        assertTrue(brokenMail.contains("more lines in the full log]"), brokenMail);

        String syncedLog = logOf("synced");
        assertTrue(syncedLog.contains("Ensuring MirrorDistroArchRelease of noble amd64 UPDATES main with url "
                + synced.baseUrl() + "dists/noble-updates/main/binary-amd64/Packages.gz exists in the database."),
                syncedLog);
        assertTrue(syncedLog.contains("Found that " + synced.baseUrl() + ProberWorld.helloDeb(1)
                + " exists. Updating MirrorDistroArchRelease of noble amd64 UPDATES main freshness to UP."), syncedLog);
        assertTrue(syncedLog.contains("Deleted MirrorDistroReleaseSource of noble SECURITY universe with url "
                + synced.baseUrl() + "dists/noble-security/universe/source/Sources.gz because: nothing was ever"
                + " published there to measure its freshness by."), syncedLog);
        String lagLog = logOf("lag-8h");
        assertTrue(lagLog.contains("Failed " + lagEight.baseUrl() + ProberWorld.helloDeb(1) + ": 404 Not Found"),
                lagLog);
        assertTrue(lagLog.contains("Found that " + lagEight.baseUrl() + ProberWorld.helloDsc(5)
                + " exists. Updating MirrorDistroReleaseSource of noble UPDATES main freshness to ONEDAYBEHIND."),
                lagLog);
        String brokenLog = logOf("broken");
        assertTrue(brokenLog.contains("Deleted MirrorDistroArchRelease of noble amd64 RELEASE main with url "
                + broken.baseUrl() + "dists/noble/main/binary-amd64/Packages.gz because: 404 Not Found."), brokenLog);
        String otherFileLog = logOf("redirect-other-file");
        assertTrue(otherFileLog.contains("because: redirect to a different file: " + synced.baseUrl()
                + "dists/noble/main/binary-amd64/Packages.gz.old."), otherFileLog);
    }

    // --- politeness ----------------------------------------------------------------------------------

    @Test
    void politeness_eachHostGetsItsAllowanceAndNoMore_andTheRoundStaysUnderTheOverallLimit() throws Exception {
        TestDatabase.reset("prober-world");
        TestLogin.asAdmin();
        clock.fixAt(ProberWorld.T0);
        List<FakeMirror> hosts = List.of(farm.newMirror(), farm.newMirror(), farm.newMirror());
        int n = 0;
        for (FakeMirror host : hosts) {
            host.latency(Duration.ofMillis(20));
            for (String site : List.of("a/", "b/")) {
                host.serve(ProberWorld.syncedAgo(Duration.ZERO, site));
                register("polite-" + n++, host.baseUrl() + site);
            }
        }

        ProbeRunSummary run = finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL));

        assertEquals(6, run.mirrorsDone());
        for (FakeMirror host : hosts) {
            assertTrue(host.requests() >= 50, "requests on " + host.baseUrl() + ": " + host.requests());
            assertEquals(2, host.peakConcurrency(), "peak on " + host.baseUrl());
        }
        assertTrue(farm.peakConcurrency() <= 5, "overall peak " + farm.peakConcurrency());
        assertTrue(farm.peakConcurrency() > 2, "the round used more than one host at once: " + farm.peakConcurrency());
    }

    // --- the lease -----------------------------------------------------------------------------------

    @Test
    void lease_twoConcurrentStarts_giveOneRound_andNoRoundIsLeftRunning() throws Exception {
        TestDatabase.reset("prober-world");
        TestLogin.asAdmin();
        clock.fixAt(ProberWorld.T0);
        FakeMirror slow = farm.newMirror().latency(Duration.ofMillis(200)).serve(ProberWorld.syncedAgo(Duration.ZERO, ""));
        register("slow", slow.baseUrl());

        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Object>> starts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            starts.add(executor.submit(() -> {
                together.await(5, TimeUnit.SECONDS);
                try {
                    return rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL);
                } catch (RuntimeException e) {
                    return Failures.unwrap(e);
                }
            }));
        }
        List<Object> results = new ArrayList<>();
        for (Future<Object> start : starts) {
            results.add(start.get(5, TimeUnit.SECONDS));
        }

        List<ProbeRunSummary> started = results.stream().filter(ProbeRunSummary.class::isInstance)
                .map(ProbeRunSummary.class::cast).toList();
        List<Object> refused = results.stream().filter(RoundAlreadyRunningException.class::isInstance).toList();
        assertEquals(1, started.size(), results.toString());
        assertEquals(1, refused.size(), results.toString());
        assertTrue(((RoundAlreadyRunningException) refused.get(0)).getMessage()
                .startsWith("A probe round of ARCHIVE mirrors (round " + started.get(0).id()));
        assertEquals(RunState.DONE, finished(started.get(0)).state());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM probe_run WHERE state = 'RUNNING'"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM probe_run"));
    }

    @Test
    void lease_aRunningRoundWhoseLeaseExpired_isAbortedByTheNextStart() throws Exception {
        TestDatabase.reset("prober-world");
        TestLogin.asAdmin();
        clock.fixAt(ProberWorld.T0);
        TestDatabase.execute("INSERT INTO probe_run (content, trigger, state, started) VALUES ('ARCHIVE', 'TIMER', 'RUNNING',"
                + " '2026-01-10 11:00:00+00')");
        TestDatabase.execute("INSERT INTO probe_lease (content, run_id, holder, expires_at) VALUES ('ARCHIVE', 1, 'crashed-node',"
                + " '2026-01-10 11:58:00+00')");

        ProbeRunSummary next = finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL));

        ProbeRunSummary crashed = rounds.getRun(1);
        assertEquals(RunState.ABORTED, crashed.state());
        assertEquals(ProberWorld.T0, crashed.finished());
        assertTrue(logOf(crashed).contains("stopped renewing its lease"), logOf(crashed));
        assertEquals(RunState.DONE, next.state());
    }

    @Test
    void lease_aLiveRoundOnAnotherInstance_refusesTheStart() throws Exception {
        TestDatabase.reset("prober-world");
        TestLogin.asAdmin();
        clock.fixAt(ProberWorld.T0);
        TestDatabase.execute("INSERT INTO probe_run (content, trigger, state, started) VALUES ('ARCHIVE', 'TIMER', 'RUNNING',"
                + " '2026-01-10 11:59:00+00')");
        TestDatabase.execute("INSERT INTO probe_lease (content, run_id, holder, expires_at) VALUES ('ARCHIVE', 1, 'other-node',"
                + " '2026-01-10 12:01:00+00')");

        RoundAlreadyRunningException refusal = Failures.thrown(RoundAlreadyRunningException.class,
                () -> rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.TIMER));
        assertTrue(refusal.getMessage().contains("other-node"), refusal.getMessage());
        assertEquals(RunState.RUNNING, rounds.getRun(1).state());
    }

    // --- the outbox and re-enabling ------------------------------------------------------------------

    @Test
    void notification_whenTheDistributionHasAMirrorAdminAddress_theAdminsGetTheirOwnCopy() throws Exception {
        SeedWorld.load();
        TestLogin.asAdmin();
        TestDatabase.execute("UPDATE distribution SET mirror_admin_address = 'Ubuntu Mirror Admins <mirrors@ubuntu.example.org>'");

        registry.disableAndNotifyOwner(2);

        assertTrue(smtp.waitForIncomingEmail(MAIL_LIMIT.toMillis(), 2));
        List<String> to = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            assertEquals(1, message.getHeader("To").length);
            to.add(message.getHeader("To")[0]);
        }
        assertEquals(List.of("Foo Bar <foo.bar@canonical.com>", "Ubuntu Mirror Admins <mirrors@ubuntu.example.org>"),
                to.stream().sorted().toList());
    }

    @Test
    void outbox_withTheSmtpServerDown_keepsTheMail_andDeliversItOnceTheServerIsBack() throws Exception {
        SeedWorld.load();
        TestLogin.asAdmin();
        smtp.stop();

        registry.disableAndNotifyOwner(2);
        await().atMost(MAIL_LIMIT).until(() -> TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE attempts >= 1") == 1);
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL"));

        smtp = new GreenMail(new ServerSetup(Integer.getInteger("mirrorwatch.mail.port"), "127.0.0.1", "smtp"));
        smtp.start();
        assertTrue(smtp.waitForIncomingEmail(MAIL_LIMIT.toMillis(), 1));
        await().during(Duration.ofMillis(600)).atMost(MAIL_LIMIT).until(() -> smtp.getReceivedMessages().length == 1);
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL"));
        String messageId = smtp.getReceivedMessages()[0].getMessageID();
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE message_id = '" + messageId + "'"));
    }

    @Test
    void reenable_aMirrorTheProberDisabled_comesBackWhenItServesContent_andItsOwnerIsTold() throws Exception {
        TestDatabase.reset("prober-world");
        TestLogin.asAdmin();
        clock.fixAt(ProberWorld.T0);
        FakeMirror comeback = farm.newMirror();
        long id = register("comeback", comeback.baseUrl());

        finished(rounds.probeMirrorNow(id));
        assertFalse(registry.getMirror(id).isEnabled());
        assertEquals(DisabledBy.PROBER, registry.getMirror(id).getDisabledBy().orElseThrow());
        assertTrue(smtp.waitForIncomingEmail(MAIL_LIMIT.toMillis(), 1));

        comeback.serve(ProberWorld.syncedAgo(Duration.ZERO, ""));
        clock.fixAt(ProberWorld.T0.plus(Duration.ofMinutes(10)));
        finished(rounds.probeMirrorNow(id));

        assertTrue(registry.getMirror(id).isEnabled());
        assertTrue(smtp.waitForIncomingEmail(MAIL_LIMIT.toMillis(), 2));
        assertEquals(List.of("Verification of comeback failed", "Mirror comeback is enabled again"), subjects());
        assertEquals(2, mirrors.probeRecords(id, 10).size());
    }

    @Test
    void reenable_neverBringsBackAMirrorAnAdminDisabled() throws Exception {
        TestDatabase.reset("prober-world");
        TestLogin.asAdmin();
        clock.fixAt(ProberWorld.T0);
        FakeMirror fine = farm.newMirror().serve(ProberWorld.syncedAgo(Duration.ZERO, ""));
        long id = register("admin-off", fine.baseUrl());
        TestDatabase.execute("UPDATE distribution_mirror SET enabled = false, disabled_by = 'ADMIN' WHERE id = " + id);

        finished(rounds.probeMirrorNow(id));

        assertFalse(registry.getMirror(id).isEnabled());
        assertEquals(DisabledBy.ADMIN, registry.getMirror(id).getDisabledBy().orElseThrow());
        assertEquals(3, registry.countArchReleases(id) + registry.countSourceReleases(id));
    }

    // --- FTP-only mirrors ----------------------------------------------------------------------------

    @Test
    void ftp_aSyncedAndALaggingFtpOnlyMirror_getTheirContentAndFreshnessOverFtp() throws Exception {
        TestDatabase.reset("prober-world");
        TestLogin.asAdmin();
        clock.fixAt(ProberWorld.T0);
        try (FakeFtpMirror synced = new FakeFtpMirror().serve(ProberWorld.syncedAgo(Duration.ZERO, "ubuntu/"));
                FakeFtpMirror lagging = new FakeFtpMirror().serve(ProberWorld.syncedAgo(Duration.ofHours(8), "ubuntu/"))) {
            long syncedId = registerFtp("ftp-synced", synced.baseUrl() + "ubuntu/");
            long laggingId = registerFtp("ftp-lagging", lagging.baseUrl() + "ubuntu/");

            ProbeRunSummary run = finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL));

            assertEquals(RunState.DONE, run.state());
            assertEquals(all(MirrorStatus.UP, MirrorStatus.UP, MirrorStatus.UP), contentOf("ftp-synced"));
            assertEquals(all(MirrorStatus.ONEDAYBEHIND, MirrorStatus.ONEDAYBEHIND, MirrorStatus.UP),
                    contentOf("ftp-lagging"));
            assertTrue(registry.getMirror(syncedId).isEnabled());
            assertTrue(registry.getMirror(laggingId).isEnabled());
            String log = logOf("ftp-lagging");
            assertTrue(log.contains("Found that " + lagging.baseUrl() + "ubuntu/" + ProberWorld.helloDsc(5)
                    + " exists. Updating MirrorDistroReleaseSource of noble UPDATES main freshness to ONEDAYBEHIND."), log);
            assertTrue(log.contains("Failed " + lagging.baseUrl() + "ubuntu/" + ProberWorld.helloDeb(1) + ": 550"), log);
        }
    }

    private long registerFtp(String name, String ftpUrl) {
        long id = distributions.newMirror(1, 1, new MirrorForm(name, null, null, MirrorSpeed.S1G, "DE",
                MirrorContent.ARCHIVE, MirrorPulseType.PULL, null, null, ftpUrl, null, false)).id();
        mirrors.enable(id);
        return id;
    }

    // --- CD-image (RELEASE) mirrors -------------------------------------------------------------------

    private static final String MANIFEST = String.join("\n",
            "# flavour\tseries\tpath\tsize",
            "ubuntu\tnoble\tnoble/ubuntu-24.04-desktop-amd64.iso\t6114656256",
            "ubuntu\tnoble\tnoble/SHA256SUMS\t202",
            "ubuntu-server\tnoble\tnoble/ubuntu-24.04-live-server-amd64.iso\t2754981888",
            "");

    @Test
    void cdImages_completePartialAndMissingPairs_areRecorded_andIncompleteMirrorsDisabled() throws Exception {
        TestDatabase.reset("prober-world");
        TestLogin.asAdmin();
        clock.fixAt(ProberWorld.T0);
        manifests.storeManifest(1, MANIFEST);
        FakeMirror complete = farm.newMirror().serve(List.of("releases/noble/ubuntu-24.04-desktop-amd64.iso",
                "releases/noble/SHA256SUMS", "releases/noble/ubuntu-24.04-live-server-amd64.iso"));
        FakeMirror partial = farm.newMirror().serve(List.of("releases/noble/ubuntu-24.04-desktop-amd64.iso",
                "releases/noble/ubuntu-24.04-live-server-amd64.iso"));
        FakeMirror missing = farm.newMirror();
        long completeId = registerRelease("cd-complete", complete.baseUrl() + "releases/");
        long partialId = registerRelease("cd-partial", partial.baseUrl() + "releases/");
        long missingId = registerRelease("cd-missing", missing.baseUrl() + "releases/");

        ProbeRunSummary run = finished(rounds.startRound(MirrorContent.RELEASE, RunTrigger.MANUAL));

        assertEquals(List.of("INFO    Probing Distribution Mirrors", "INFO    Probed 3 mirrors.", "INFO    Done."),
                logLinesOf(run));
        assertEquals(List.of("noble ubuntu", "noble ubuntu-server"), cdImagesOf(completeId));
        assertEquals(List.of("noble ubuntu-server"), cdImagesOf(partialId));
        assertEquals(List.of(), cdImagesOf(missingId));
        assertTrue(registry.getMirror(completeId).isEnabled());
        assertEquals(MirrorStatus.UP, registry.getOverallFreshness(completeId));
        assertFalse(registry.getMirror(partialId).isEnabled(), "a mirror lacking any expected pair is disabled");
        assertFalse(registry.getMirror(missingId).isEnabled());
        assertEquals(MirrorStatus.UP, registry.getOverallFreshness(partialId), "it carries one pair");
        assertTrue(smtp.waitForIncomingEmail(MAIL_LIMIT.toMillis(), 2));
        assertEquals(List.of("Verification of cd-missing failed", "Verification of cd-partial failed"),
                subjects().stream().sorted().toList());
        String partialLog = logOf("cd-partial");
        assertTrue(partialLog.contains("Failed " + partial.baseUrl() + "releases/noble/SHA256SUMS: 404 Not Found"),
                partialLog);
        assertTrue(partialLog.contains("Missing 1 of the 2 CD image files of noble ubuntu."), partialLog);
        assertTrue(logOf("cd-complete").contains("Found all CD images of noble ubuntu (2 files)."));

        complete.serveNothing();
        clock.fixAt(ProberWorld.T0.plus(Duration.ofDays(2)));
        finished(rounds.probeMirrorNow(completeId));
        assertEquals(List.of(), cdImagesOf(completeId), "a release probe first deletes the old records");
    }

    @Test
    void cdImages_aManifestWithBadLines_isRefusedWhole_withEachLineReported() {
        TestDatabase.reset("prober-world");
        TestLogin.asAdmin();
        manifests.storeManifest(1, MANIFEST);

        InvalidInputException e = Failures.thrown(InvalidInputException.class, () -> manifests.storeManifest(1,
                "ubuntu\tnoble\tnoble/a.iso\t10\nubuntu\tnoble\tnoble/b.iso\n\nkubuntu\twarty\tw.iso\t5\n"
                        + "ubuntu\tnoble\t/etc/passwd\t5\nUbuntu\tnoble\tx.iso\t5\nubuntu\tnoble\tx.iso\t-3\n"));

        assertEquals(List.of("line 2", "line 4", "line 5", "line 6", "line 7"),
                e.getErrors().stream().map(FieldError::field).toList());
        assertTrue(e.getErrors().get(0).message().contains("expected 4 fields"), e.getMessage());
        assertTrue(e.getErrors().get(1).message().contains("there is no series \"warty\""), e.getMessage());
        assertEquals(MANIFEST, manifests.findManifestText(1).orElseThrow(), "the stored manifest stays");
    }

    @Test
    void cdImages_aManifestFetchedFromAUrl_isUsedByTheRound_andABadOneIsNotApplied() throws Exception {
        TestDatabase.reset("prober-world");
        TestLogin.asAdmin();
        clock.fixAt(ProberWorld.T0);
        FakeMirror cdimage = farm.newMirror().serve(List.of("manifest", "releases/noble/ubuntu-24.04-live-server-amd64.iso"));
        FakeMirror publisher = farm.newMirror();
        String served = "ubuntu-server\tnoble\tnoble/ubuntu-24.04-live-server-amd64.iso\t2754981888\n";
        publisher.content("manifest", served);
        registry.fetchManifestFrom(1, publisher.baseUrl() + "manifest");
        long id = registerRelease("cd-fetched", cdimage.baseUrl() + "releases/");

        finished(rounds.startRound(MirrorContent.RELEASE, RunTrigger.MANUAL));

        assertEquals(served, manifests.findManifestText(1).orElseThrow());
        assertEquals(List.of("noble ubuntu-server"), cdImagesOf(id));

        publisher.content("manifest", "ubuntu-server\tnoble\n");
        clock.fixAt(ProberWorld.T0.plus(Duration.ofDays(2)));
        ProbeRunSummary second = finished(rounds.startRound(MirrorContent.RELEASE, RunTrigger.MANUAL));
        assertTrue(logOf(second).contains("WARNING The CD-image manifest at " + publisher.baseUrl()
                + "manifest was not applied: line 1: expected 4 fields"), logOf(second));
        assertEquals(served, manifests.findManifestText(1).orElseThrow());

        // Fetched as the round's own GETs are: a missing file, and an address the guard refuses.
        registry.fetchManifestFrom(1, publisher.baseUrl() + "gone");
        clock.fixAt(ProberWorld.T0.plus(Duration.ofDays(4)));
        ProbeRunSummary third = finished(rounds.startRound(MirrorContent.RELEASE, RunTrigger.MANUAL));
        assertTrue(logOf(third).contains("WARNING The CD-image manifest at " + publisher.baseUrl()
                + "gone could not be fetched: 404 Not Found"), logOf(third));
        String loopback = "http://127.0.0.1:" + URI.create(publisher.baseUrl()).getPort() + "/manifest";
        registry.fetchManifestFrom(1, loopback);
        clock.fixAt(ProberWorld.T0.plus(Duration.ofDays(6)));
        ProbeRunSummary fourth = finished(rounds.startRound(MirrorContent.RELEASE, RunTrigger.MANUAL));
        assertTrue(logOf(fourth).contains("WARNING The CD-image manifest at " + loopback + " could not be fetched: "),
                logOf(fourth));
        assertFalse(publisher.requestsByPath().containsKey("manifest") && publisher.requestsByPath().get("manifest") > 2,
                "the refused address was never asked");
        assertEquals(served, manifests.findManifestText(1).orElseThrow());
    }

    private long registerRelease(String name, String url) {
        long id = distributions.newMirror(1, 1, MirrorForm.of(name, MirrorSpeed.S1G, "SE", MirrorContent.RELEASE,
                MirrorPulseType.PULL, url)).id();
        mirrors.enable(id);
        return id;
    }

    private List<String> cdImagesOf(long mirrorId) {
        return registry.cdImages(mirrorId);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private long register(String name, String url) {
        long id = distributions.newMirror(1, 1, MirrorForm.of(name, MirrorSpeed.S1G, "DE", MirrorContent.ARCHIVE,
                MirrorPulseType.PULL, url)).id();
        mirrors.enable(id);
        return id;
    }

    private ProbeRunSummary finished(ProbeRunSummary run) {
        await().atMost(ROUND_LIMIT).until(() -> rounds.getRun(run.id()).state() != RunState.RUNNING);
        return rounds.getRun(run.id());
    }

    /** The round's own log, which no screen shows: read from the store the prober writes it through. */
    private String logOf(ProbeRunSummary run) {
        return runStore.find(run.id()).getLog();
    }

    private List<String> logLinesOf(ProbeRunSummary run) {
        return runStore.find(run.id()).getLogLines();
    }

    /** {"noble amd64 UPDATES main": UP, ...}: a mirror's content records and their freshness. */
    private Map<String, MirrorStatus> contentOf(String mirrorName) {
        long id = registry.getMirrorByName(mirrorName).getId();
        Map<String, MirrorStatus> found = new TreeMap<>();
        for (MirrorContentRecord record : registry.archReleases(id)) {
            found.put(((MirrorDistroArchRelease) record).getDistroArchRelease().getDistroRelease().getName() + " "
                    + ((MirrorDistroArchRelease) record).getDistroArchRelease().getArchitectureTag() + " "
                    + record.getPocket() + " " + record.getComponent(), record.getFreshness());
        }
        for (MirrorContentRecord record : registry.sourceReleases(id)) {
            found.put(record.getDistroRelease().getName() + " " + record.getPocket() + " " + record.getComponent()
                    + " source", record.getFreshness());
        }
        return found;
    }

    private static Map<String, MirrorStatus> all(MirrorStatus amd64Main, MirrorStatus sourceMain,
            MirrorStatus arm64Universe) {
        return Map.of("noble amd64 UPDATES main", amd64Main, "noble UPDATES main source", sourceMain,
                "noble arm64 RELEASE universe", arm64Universe);
    }

    private String logOf(String mirrorName) {
        MirrorFacade.ProbeEntry probe = mirrors.probeRecords(registry.getMirrorByName(mirrorName).getId(), 1).get(0);
        return new String(mirrors.probeLog(probe.logFileId()).content(), StandardCharsets.UTF_8);
    }

    private List<String> subjects() {
        return Arrays.stream(smtp.getReceivedMessages()).map(message -> {
            try {
                return message.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private String bodyOf(String subject) throws Exception {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (subject.equals(message.getSubject())) {
                return message.getContent().toString();
            }
        }
        throw new AssertionError("No mail " + subject);
    }
}
