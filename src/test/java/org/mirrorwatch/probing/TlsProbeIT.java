package org.mirrorwatch.probing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.awaitility.Awaitility;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.util.Strings;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mirrorwatch.operations.OperationalFigures;
import org.mirrorwatch.probing.boundary.ProbeRounds;
import org.mirrorwatch.probing.boundary.ProbeRunSummary;
import org.mirrorwatch.probing.entity.RunState;
import org.mirrorwatch.probing.entity.RunTrigger;
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.registry.boundary.FreshnessFeedEntry;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.registry.boundary.MirrorForm;
import org.mirrorwatch.registry.boundary.MirrorSummary;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.registry.entity.ReviewStatus;
import org.mirrorwatch.registry.entity.TlsState;
import org.mirrorwatch.routing.boundary.MirrorRouting;
import org.mirrorwatch.routing.boundary.RoutingAnswer;
import org.mirrorwatch.routing.boundary.RoutingSnapshotFacade;
import org.mirrorwatch.testing.Deployments;
import org.mirrorwatch.testing.FakeMirror;
import org.mirrorwatch.testing.FakeMirrorFarm;
import org.mirrorwatch.testing.TestCertificateAuthority;
import org.mirrorwatch.testing.TestCertificateAuthority.ReplaceableTls;
import org.mirrorwatch.testing.TestClock;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;

/**
 * The TLS check against a fake farm of HTTPS mirrors whose certificates come from a test certificate
 * authority, which the prober's trust store (mirrorwatch.probe.trust-store) holds: valid, expiring in 5
 * days, expired, made out for another name, and self-signed. Each mirror also serves its content over
 * HTTP. Each case's state, its mail (once, to the owner and the mirror administrators), and the client
 * list's URL for it; then the thresholds' mails as the clock moves on. Real TLS, SMTP and PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class TlsProbeIT {

    private static final Logger LOG = Logger.getLogger(TlsProbeIT.class.getName());
    private static final Instant T0 = ProberWorld.T0;
    private static final String OWNER = "Mirror Owner <owner@example.org>";
    private static final String ADMINS = "ubuntu-mirrors@example.org";
    private static final Duration ROUND_LIMIT = Duration.ofSeconds(20);

    @Deployment
    static WebArchive deployment() {
        // Made outside the server, once per deployment; the tests inside find it next to the trust store.
        Path directory = Path.of("target", "tls-test-ca").toAbsolutePath();
        TestCertificateAuthority.create(directory, T0.minus(Duration.ofDays(3650)), T0.plus(Duration.ofDays(3650)));
        WebArchive archive = Deployments.mirrorwatch(Map.of(
                "mirrorwatch.probe.timeout", "PT2S",
                "mirrorwatch.probe.batch-size", "500",
                "mirrorwatch.probe.trust-store", directory.resolve(TestCertificateAuthority.TRUST_STORE).toString(),
                "mirrorwatch.probe.trust-store-password", TestCertificateAuthority.PASSWORD,
                "mirrorwatch.client-list.rebuild-delay", "PT0S",
                "mirrorwatch.mail.retry.enabled", "true",
                "mirrorwatch.mail.retry.interval", "PT0.2S",
                "mirrorwatch.mail.retry.first-backoff", "PT0.1S",
                "mirrorwatch.mail.retry.max-backoff", "PT0.3S"));
        // Bouncy Castle's three jars: bcpkix, bcutil and bcprov, for the tests inside to issue certificates.
        return Deployments.withLibraryOf(archive, GreenMail.class, Awaitility.class, Matcher.class,
                        X509v3CertificateBuilder.class, MiscObjectIdentifiers.class, Strings.class)
                .addClasses(ProberWorld.class, TestCertificateAuthority.class);
    }

    @Inject
    ProbeRounds rounds;

    @Inject
    MirrorFacade mirrors;

    @Inject
    DistributionFacade distributions;

    @Inject
    MirrorRouting routing;

    @Inject
    RoutingSnapshotFacade snapshots;

    @Inject
    OperationalFigures figures;

    @Inject
    TestClock clock;

    @ArquillianResource
    URL deploymentUrl;

    private FakeMirrorFarm farm;
    private GreenMail smtp;
    private final Map<String, FakeMirror> farmMirrors = new LinkedHashMap<>();

    @BeforeEach
    void world() {
        TestDatabase.reset("prober-world");
        TestDatabase.execute("UPDATE distribution SET mirror_admin_address = '" + ADMINS + "'");
        TestLogin.asAdmin();
        clock.fixAt(T0);
        farm = new FakeMirrorFarm();
        smtp = new GreenMail(new ServerSetup(Integer.getInteger("mirrorwatch.mail.port"), "127.0.0.1", "smtp"));
        smtp.start();
    }

    @AfterEach
    void stop() {
        farm.close();
        smtp.stop();
        clock.followSystemClock();
    }

    @Test
    void eachCertificate_hasItsState_itsMailOnce_andOnlyWorkingHttpsIsHandedToClients() throws Exception {
        TestCertificateAuthority ca = TestCertificateAuthority.load(caDirectory());
        Duration month = Duration.ofDays(30);
        https("tls-valid", address -> ca.serverTls(address, T0.minus(month), T0.plus(Duration.ofDays(90))));
        https("tls-expiring", address -> ca.serverTls(address, T0.minus(month), T0.plus(Duration.ofDays(5))));
        https("tls-expired", address -> ca.serverTls(address, T0.minus(Duration.ofDays(90)), T0.minus(Duration.ofDays(1))));
        https("tls-wrong-name", address -> ca.serverTls("other.example.org", T0.minus(month), T0.plus(Duration.ofDays(90))));
        https("tls-self-signed", address -> TestCertificateAuthority.selfSignedTls(address, T0.minus(month),
                T0.plus(Duration.ofDays(90))));

        ProbeRunSummary first = finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL));

        assertEquals(RunState.DONE, first.state());
        assertEquals(Map.of("tls-valid", TlsState.VALID, "tls-expiring", TlsState.EXPIRING,
                "tls-expired", TlsState.EXPIRED, "tls-wrong-name", TlsState.NAME_MISMATCH,
                "tls-self-signed", TlsState.UNTRUSTED), states());
        for (String name : farmMirrors.keySet()) {
            MirrorSummary mirror = mirrors.mirror(name);
            assertTrue(mirror.enabled(), name + " serves its content over HTTP, so it stays enabled");
            assertEquals("UP", mirror.freshness().name(), name);
            FakeMirror host = farmMirrors.get(name);
            if (mirror.tls().worksForClients()) {
                assertEquals(host.requests(), host.tlsConnections(), name + ": the check and the content over HTTPS,"
                        + " one connection a request");
            } else {
                assertEquals(1, host.tlsConnections(), name + ": one TLS connection, the check's; the content goes"
                        + " over HTTP");
            }
        }
        assertEquals(T0.plus(Duration.ofDays(5)), mirrors.mirror("tls-expiring").tls().notAfter());
        assertEquals("CN=Mirrorwatch Test CA,O=Mirrorwatch tests", mirrors.mirror("tls-valid").tls().issuer()
                .replace(", ", ","));
        assertTrue(mirrors.mirror("tls-valid").tls().protocol().startsWith("TLSv1."));
        assertTrue(logOf("tls-expired").contains("HTTPS clients cannot use tls-expired; probing its content at "
                + farmMirrors.get("tls-expired").httpBaseUrl() + " instead."), logOf("tls-expired"));

        Set<String> expected = new TreeSet<>(List.of(
                "The HTTPS certificate of tls-expiring expires in 5 days",
                "The HTTPS certificate of tls-expired has expired",
                "The HTTPS certificate of tls-wrong-name is for another host name",
                "The HTTPS certificate of tls-self-signed is not trusted"));
        await().atMost(Duration.ofSeconds(5)).until(() -> smtp.getReceivedMessages().length >= 8);
        assertEquals(expectedMails(expected), mails(), "one to the owner and one to the mirror administrators each");
        MimeMessage expiring = byRecipient(mails("expires in 5 days"), OWNER);
        String body = String.valueOf(expiring.getContent());
        assertTrue(body.contains("not after:  " + T0.plus(Duration.ofDays(5))), body);
        assertTrue(body.contains("Please renew it before then."), body);

        assertEquals(Set.of(farmMirrors.get("tls-valid").baseUrl(), farmMirrors.get("tls-expiring").baseUrl(),
                farmMirrors.get("tls-expired").httpBaseUrl(), farmMirrors.get("tls-wrong-name").httpBaseUrl(),
                farmMirrors.get("tls-self-signed").httpBaseUrl()), clientList(), "HTTPS only where it works");
        Set<String> listed = clientList();
        RoutingAnswer redirect = routing.redirect("ubuntu", false, "dists/noble-updates/main/binary-amd64/Packages.gz",
                InetAddress.getByName("193.99.144.80"));
        assertTrue(redirect.choices().size() > 1, redirect.toString());
        redirect.choices().forEach(choice -> assertTrue(choice.mirror().isEmpty()
                || listed.stream().anyMatch(choice.url()::startsWith), "the redirector chooses from the same URLs: "
                + choice.url()));

        Map<String, String> feed = mirrors.freshnessFeed("ubuntu").stream().collect(Collectors.toMap(
                FreshnessFeedEntry::name, entry -> entry.tlsState().name()));
        assertEquals("EXPIRED", feed.get("tls-expired"));
        JsonObject tls = json(get("api/v1/mirrors/tls-expired")).getJsonObject("tls");
        assertEquals("EXPIRED", tls.getString("state"));
        assertEquals(T0.minus(Duration.ofDays(1)).toString(), tls.getString("notAfter"));
        assertEquals("CN=Mirrorwatch Test CA,O=Mirrorwatch tests", tls.getString("issuer"));
        assertTrue(tls.getString("protocol").startsWith("TLSv1."), tls.toString());
        assertEquals(false, tls.getBoolean("inClientLists"));
        JsonObject feedEntry = json(get("api/v1/freshness?distribution=ubuntu")).getJsonArray("mirrors")
                .getValuesAs(JsonObject.class).stream().filter(entry -> entry.getString("name").equals("tls-expiring"))
                .findFirst().orElseThrow();
        assertEquals("EXPIRING", feedEntry.getString("tls"));
        assertEquals(T0.plus(Duration.ofDays(5)).toString(), feedEntry.getString("tlsNotAfter"));
        String page = get("mirror.xhtml?name=tls-wrong-name");
        assertTrue(page.contains("For another host name"), page);
        assertTrue(page.contains("Clients refuse it, so the mirror lists and redirects leave out its HTTPS URL."), page);
        String metrics = get("api/metrics");
        assertTrue(metrics.contains("mirrorwatch_mirrors_tls{state=\"UNTRUSTED\"} 1.0"), metrics);
        assertTrue(metrics.contains("mirrorwatch_mirrors_tls_expiring{within_days=\"7\"} 2.0"), metrics);
        assertEquals(1L, figures.enabledMirrorsByTlsState().get(TlsState.UNTRUSTED));
        assertEquals(Map.of(0, 1L, 1, 1L, 7, 2L, 21, 2L, 30, 2L, 90, 5L),
                figures.tlsExpiry(T0, List.of(0, 1, 7, 21, 30, 90)).expiringWithinDays());

        // A day later nothing new is due: no threshold is mailed twice for the same certificate.
        clock.fixAt(T0.plus(Duration.ofHours(25)));
        farmMirrors.values().forEach(FakeMirror::resetCounters);
        ProbeRunSummary second = finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL));
        assertEquals(5, second.mirrorsDone());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> smtp.getReceivedMessages().length == 8);
        LOG.info(() -> "TLS round of 5 HTTPS mirrors: " + second.requests() + " requests, of which 5 TLS checks");

        // Half a day before it expires, the expiring certificate gets its last warning.
        clock.fixAt(T0.plus(Duration.ofDays(5)).minus(Duration.ofHours(12)));
        finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL));
        await().atMost(Duration.ofSeconds(5)).until(() -> smtp.getReceivedMessages().length >= 10);
        expected.add("The HTTPS certificate of tls-expiring expires within a day");
        assertEquals(expectedMails(expected), mails());

        // Once expired, it leaves the client list with its HTTPS URL, and its owner hears of it once: not
        // while it is in a maintenance window, but at the first probe after.
        TestDatabase.execute("INSERT INTO maintenance_window (distribution_mirror_id, starts_at, ends_at, weekly, note,"
                + " created_by, date_created) SELECT id, '" + T0.plus(Duration.ofDays(5)) + "', '"
                + T0.plus(Duration.ofDays(6)).plus(Duration.ofHours(12)) + "', false, 'New certificate', owner_id, now()"
                + " FROM distribution_mirror WHERE name = 'tls-expiring'");
        clock.fixAt(T0.plus(Duration.ofDays(6)));
        finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL));
        assertEquals(TlsState.EXPIRED, mirrors.mirror("tls-expiring").tls().state());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> smtp.getReceivedMessages().length == 10);
        // A day and an hour on, the mirror is due again (reprobe-after is a day).
        clock.fixAt(T0.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
        finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL));
        await().atMost(Duration.ofSeconds(5)).until(() -> smtp.getReceivedMessages().length >= 12);
        expected.add("The HTTPS certificate of tls-expiring has expired");
        assertEquals(expectedMails(expected), mails());
        assertTrue(clientList().contains(farmMirrors.get("tls-expiring").httpBaseUrl()), clientList().toString());
        assertTrue(!clientList().contains(farmMirrors.get("tls-expiring").baseUrl()), clientList().toString());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> smtp.getReceivedMessages().length == 12);
    }

    @Test
    void aMirrorWithoutHttps_hasNoTlsState() {
        FakeMirror plain = farm.newMirror().serve(ProberWorld.syncedAgo(Duration.ZERO, ""));
        long id = register("plain-http", plain.baseUrl(), null);

        finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL));

        assertTrue(mirrors.mirror(id).enabled());
        assertNull(mirrors.mirror(id).tls());
        assertTrue(!logOf("plain-http").contains("TLS of"), logOf("plain-http"));
    }

    /**
     * The cost of the TLS checks at N = 200 (issue 15's figure): the same 200 mirrors, each on its own
     * address at a 50 ms latency, probed over HTTP only; with their HTTPS URLs and valid certificates (the
     * check, and every content request over HTTPS); and with self-signed certificates (the check alone:
     * the content goes over HTTP). The added requests are exactly one per HTTPS host. The wall times are
     * logged and written to target/tls-cost-n200.txt, not asserted: the farm, its TLS included, runs in the
     * server's JVM on a shared machine.
     */
    @Test
    void cost_at200Mirrors_isOneRequestPerHttpsHost() throws Exception {
        TestCertificateAuthority ca = TestCertificateAuthority.load(caDirectory());
        TestDatabase.execute("UPDATE distribution SET mirror_admin_address = NULL");
        int count = 200;
        List<Long> ids = new ArrayList<>();
        List<FakeMirror> hosts = new ArrayList<>();
        Map<FakeMirror, ReplaceableTls> certificates = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            List<ReplaceableTls> made = new ArrayList<>();
            FakeMirror mirror = farm.newHttpsMirror(address -> {
                made.add(new ReplaceableTls(ca.issue(address, T0.minus(Duration.ofDays(30)), T0.plus(Duration.ofDays(365)))));
                return made.get(0).context();
            }).serve(ProberWorld.syncedAgo(Duration.ZERO, "")).latency(Duration.ofMillis(50));
            certificates.put(mirror, made.get(0));
            hosts.add(mirror);
            ids.add(register("cost-" + i, mirror.httpBaseUrl(), null));
        }
        List<String> figures = new ArrayList<>();
        Map<String, List<Long>> requests = new LinkedHashMap<>();
        List<String> variants = List.of("HTTP", "HTTPS", "HTTP", "HTTPS", "HTTPS, self-signed", "HTTPS, self-signed");
        for (int round = 0; round < variants.size(); round++) {
            String variant = variants.get(round);
            for (int i = 0; i < count; i++) {
                TestDatabase.execute("UPDATE distribution_mirror SET https_base_url = "
                        + (variant.equals("HTTP") ? "NULL" : "'" + hosts.get(i).baseUrl() + "'") + " WHERE id = "
                        + ids.get(i));
                if (variant.equals("HTTPS, self-signed") && round == variants.indexOf(variant)) {
                    String address = hosts.get(i).baseUrl().substring(8, hosts.get(i).baseUrl().lastIndexOf(':'));
                    certificates.get(hosts.get(i)).replace(TestCertificateAuthority.selfSigned(address,
                            T0.minus(Duration.ofDays(30)), T0.plus(Duration.ofDays(365))));
                }
            }
            clock.fixAt(T0.plus(Duration.ofHours(25L * (round + 1))));
            long started = System.nanoTime();
            ProbeRunSummary run = finished(rounds.startRound(MirrorContent.ARCHIVE, RunTrigger.MANUAL),
                    Duration.ofMinutes(3));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(count, run.mirrorsDone());
            requests.computeIfAbsent(variant, key -> new ArrayList<>()).add(run.requests());
            figures.add(variant + ": " + run.requests() + " requests, " + millis + " ms");
        }
        String figure = "TLS cost at N = 200, 50 ms latency, per-host 2, overall 100: " + String.join("; ", figures);
        LOG.info(figure);
        // The server's log is not kept by the test run, so the figure goes next to the test CA, in target/.
        Files.writeString(caDirectory().resolveSibling("tls-cost-n200.txt"), figure + "\n");
        long http = requests.get("HTTP").get(0);
        assertEquals(List.of(http, http), requests.get("HTTP"));
        assertEquals(List.of(http + count, http + count), requests.get("HTTPS"), "one TLS check per HTTPS host");
        assertEquals(List.of(http + count, http + count), requests.get("HTTPS, self-signed"),
                "one TLS check per HTTPS host, the content over HTTP");
        for (long id : ids) {
            MirrorSummary mirror = mirrors.mirror(id);
            assertEquals(TlsState.UNTRUSTED, mirror.tls().state());
            assertTrue(mirror.enabled());
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private void https(String name, Function<String, SSLContext> tls) {
        FakeMirror mirror = farm.newHttpsMirror(tls).serve(ProberWorld.syncedAgo(Duration.ZERO, ""));
        farmMirrors.put(name, mirror);
        register(name, mirror.httpBaseUrl(), mirror.baseUrl());
    }

    /** Registers an enabled, official mirror, as a client list wants it. */
    private long register(String name, String http, String https) {
        long id = distributions.newMirror(1, 1, new MirrorForm(name, null, null, MirrorSpeed.S1G, "DE",
                MirrorContent.ARCHIVE, MirrorPulseType.PULL, http, https, null, null, true)).id();
        mirrors.enable(id);
        mirrors.review(id, ReviewStatus.OFFICIAL, "");
        return id;
    }

    /** A page or resource of the deployment, read over HTTP as anyone. */
    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                deploymentUrl.toURI().resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static Path caDirectory() {
        return Path.of(ConfigProvider.getConfig().getValue("mirrorwatch.probe.trust-store", String.class)).getParent();
    }

    private Map<String, TlsState> states() {
        Map<String, TlsState> states = new LinkedHashMap<>();
        farmMirrors.keySet().forEach(name -> states.put(name, mirrors.mirror(name).tls().state()));
        return states;
    }

    private Set<String> clientList() throws java.net.UnknownHostException {
        return new TreeSet<>(clientListUrls());
    }

    /** The archive mirror list for a client in Germany, without the main archive. */
    private List<String> clientListUrls() throws java.net.UnknownHostException {
        snapshots.rebuild();
        return routing.list("ubuntu", MirrorContent.ARCHIVE, InetAddress.getByName("193.99.144.80"), Optional.empty())
                .choices().stream().filter(choice -> choice.mirror().isPresent()).map(RoutingAnswer.Choice::url)
                .toList();
    }

    private String logOf(String name) {
        long id = mirrors.mirror(name).id();
        return new String(mirrors.probeLog(mirrors.probeRecords(id, 1).get(0).logFileId()).content(),
                StandardCharsets.UTF_8);
    }

    private static Set<String> expectedMails(Set<String> subjects) {
        Set<String> mails = new TreeSet<>();
        for (String subject : subjects) {
            mails.add(OWNER + " | " + subject);
            mails.add(ADMINS + " | " + subject);
        }
        return mails;
    }

    /** Every mail as "recipient | subject"; a set, so a mail sent twice would show in the count instead. */
    private Set<String> mails() throws MessagingException {
        Set<String> mails = new TreeSet<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            mails.add(message.getHeader("To")[0] + " | " + message.getSubject());
        }
        assertEquals(smtp.getReceivedMessages().length, mails.size(), "no mail twice: " + mails);
        return mails;
    }

    private List<MimeMessage> mails(String subjectPart) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getSubject().contains(subjectPart)) {
                found.add(message);
            }
        }
        return found;
    }

    private static MimeMessage byRecipient(List<MimeMessage> messages, String recipient) throws MessagingException {
        for (MimeMessage message : messages) {
            if (message.getHeader("To")[0].equals(recipient)) {
                return message;
            }
        }
        throw new AssertionError("No mail to " + recipient);
    }

    private ProbeRunSummary finished(ProbeRunSummary run) {
        return finished(run, ROUND_LIMIT);
    }

    private ProbeRunSummary finished(ProbeRunSummary run, Duration limit) {
        await().atMost(limit).pollInterval(Duration.ofMillis(100))
                .until(() -> rounds.getRun(run.id()).state() != RunState.RUNNING);
        return rounds.getRun(run.id());
    }
}
