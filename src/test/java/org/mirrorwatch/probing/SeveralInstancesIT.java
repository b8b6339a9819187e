package org.mirrorwatch.probing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.testing.ApiClient.basic;
import static org.mirrorwatch.testing.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.http.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mirrorwatch.testing.ApiClient;
import org.mirrorwatch.testing.FakeMirror;
import org.mirrorwatch.testing.FakeMirrorFarm;
import org.mirrorwatch.testing.FarmMirrors;
import org.mirrorwatch.testing.Nginx;
import org.mirrorwatch.testing.PayaraMicro;
import org.mirrorwatch.testing.ServerProperties;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;

/**
 * Several instances, one registry (issue 17): two Payara Micros on one database of their own, behind
 * Debian's nginx with the README's sample configuration, started once for these tests. A round over a fake
 * farm of hosts with two mirrors each is probed by both instances, each mirror exactly once (the farm counts
 * requests per path), no host above its per-host limit; a mirror changed through one instance reaches the
 * other's client list within a second; a login through the load balancer stays with its instance for the
 * pages that follow, and first visits go to both; last, one instance is killed with SIGKILL in the middle of
 * a round, and the other finishes it, probing again only the mirrors that were in flight.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesIT {

    private static final Logger LOG = Logger.getLogger(SeveralInstancesIT.class.getName());
    private static final String DATABASE = "mirrorwatch_several_instances";
    private static final String ADMIN = basic("admin", TestLogin.PASSWORD);
    private static final int PER_HOST = 2;
    private static final int HOSTS = 20;
    private static final List<String> SITES = List.of("a/", "b/");

    private static PayaraMicro alpha;
    private static PayaraMicro beta;
    private static Nginx nginx;
    private static FakeMirrorFarm farm;
    /** What one probe of one of the farm's mirrors asks, path by path, below its site. */
    private static Map<String, Integer> oneProbe;

    @BeforeAll
    static void twoInstancesOnOneDatabase() throws Exception {
        TestDatabase.createEmpty(DATABASE);
        farm = new FakeMirrorFarm();
        // The first start makes the schema; the dataset goes in before the second instance comes up.
        alpha = PayaraMicro.start(port -> settings(port, "alpha"), log("alpha"));
        TestDatabase.loadInto(DATABASE, "prober-world");
        beta = PayaraMicro.start(port -> settings(port, "beta"), log("beta"));
        nginx = Nginx.inFrontOf(alpha.baseUri(), beta.baseUri(), Path.of("target/several-instances-nginx"));
        oneProbe = probedAlone();
    }

    private static Path log(String instance) throws IOException {
        Path log = Path.of("target/several-instances-" + instance + ".log");
        Files.deleteIfExists(log);
        return log;
    }

    private static Map<String, String> settings(int port, String instance) {
        Map<String, String> settings = ServerProperties.onDatabase(DATABASE);
        settings.put("mirrorwatch.base-url", "http://localhost:" + port);
        settings.put("mirrorwatch.instance.name", instance);
        // The route after the session id, which the load balancer keeps a session's requests on.
        settings.put("jvmRoute", instance);
        settings.put("mirrorwatch.client.trusted-proxies", "127.0.0.1/32");
        // A change reaches the other instance's lists in this delay plus one rebuild.
        settings.put("mirrorwatch.client-list.rebuild-delay", "PT0.5S");
        settings.put("mirrorwatch.probe.allowed-cidrs", FakeMirrorFarm.ALLOWED_CIDR);
        settings.put("mirrorwatch.probe.timer.enabled", "false");
        settings.put("mirrorwatch.probe.per-host-limit", String.valueOf(PER_HOST));
        settings.put("mirrorwatch.probe.overall-limit", "4");
        settings.put("mirrorwatch.probe.timeout", "PT10S");
        // Short, so that a killed instance's claims are taken over within seconds.
        settings.put("mirrorwatch.probe.lease-ttl", "PT6S");
        settings.put("mirrorwatch.mail.retry.enabled", "false");
        return settings;
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closing : new AutoCloseable[] {nginx, alpha, beta, farm}) {
            try {
                if (closing != null) {
                    closing.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    @Order(1)
    void aRound_isProbedByBothInstances_eachMirrorExactlyOnce_noHostAboveItsLimit() throws Exception {
        List<FakeMirror> hosts = farmOfHosts("shared");

        JsonNode round = roundToTheEnd(alpha);

        assertEquals("DONE", round.path("state").asText(), round.toString());
        assertEquals(HOSTS * SITES.size(), round.path("mirrorsDone").asInt(), round.toString());
        assertEquals(HOSTS * SITES.size(), round.path("mirrorsTotal").asInt(), round.toString());
        assertEquals(0, round.path("claimsQueued").asInt(), round.toString());
        Map<String, Integer> doneBy = new TreeMap<>();
        round.path("instances").forEach(instance -> doneBy.put(instance.path("instance").asText(),
                instance.path("claimsDone").asInt()));
        assertEquals(Set.of("alpha", "beta"), doneBy.keySet(), round.toString());
        assertTrue(doneBy.values().stream().allMatch(done -> done > 0), "both did claims: " + doneBy);
        assertEquals(HOSTS, doneBy.values().stream().mapToInt(Integer::intValue).sum(), "every host once: " + doneBy);
        for (FakeMirror host : hosts) {
            for (String site : SITES) {
                assertEquals(oneProbe, requestsBelow(host, site), "each path of " + host.baseUrl() + site + " once");
            }
            assertTrue(host.peakConcurrency() <= PER_HOST, host.baseUrl() + " peak " + host.peakConcurrency());
        }
        assertEquals(List.of("INFO    Probing Distribution Mirrors", "INFO    Probed 40 mirrors.", "INFO    Done."),
                rows("SELECT log FROM probe_run WHERE id = " + round.path("id").asLong()).get(0).lines().toList());
        assertEquals(List.of(), rows("SELECT m.name FROM distribution_mirror m WHERE m.name LIKE 'shared-%' AND"
                + " (SELECT count(*) FROM mirror_probe_record r WHERE r.distribution_mirror_id = m.id) <> 1"));
    }

    @Test
    @Order(2)
    void aMirrorChangedThroughOneInstance_reachesTheOthersClientList_withinASecond() throws Exception {
        String moved = rows("SELECT http_base_url FROM distribution_mirror WHERE name = 'shared-0-a'").get(0);
        assertFalse(listedIn(beta, "JP").contains(moved), "not among Japan's own yet");

        HttpResponse<String> patched = send(alpha, "PATCH", "/api/v1/mirrors/shared-0-a", "{\"country\":\"JP\"}");
        assertEquals(200, patched.statusCode(), patched.body());
        long committed = System.nanoTime();
        await("shared-0-a in beta's list for Japan").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> listedIn(beta, "JP").contains(moved));
        Duration took = Duration.ofNanos(System.nanoTime() - committed);
        LOG.info(() -> "beta's client list had the change made through alpha after " + took.toMillis() + " ms");
        assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "beta's list had it after " + took);
    }

    @Test
    @Order(3)
    void aLoginThroughTheLoadBalancer_staysWithItsInstance_andFirstVisitsGoToBoth() throws Exception {
        Set<String> routes = new HashSet<>();
        for (int visitor = 0; visitor < 4 && routes.size() < 2; visitor++) {
            try (WebClient browser = new WebClient()) {
                browser.getOptions().setJavaScriptEnabled(false);
                browser.getOptions().setCssEnabled(false);
                // One request without a session, which nginx sends to the next instance in turn.
                HtmlPage probePage = probePageAsAdmin(browser, nginx.baseUri());
                String route = routeOf(browser);
                routes.add(route);
                assertTrue(probePage.getUrl().getPath().endsWith("/admin/probe.xhtml"),
                        "logged in on " + route + ": " + probePage.getUrl());
                for (int page = 0; page < 4; page++) {
                    HtmlPage again = browser.getPage(nginx.baseUri().resolve("admin/probe.xhtml").toURL());
                    assertTrue(again.getUrl().getPath().endsWith("/admin/probe.xhtml"),
                            "still logged in on " + route + " at page " + page + ": " + again.getUrl());
                    assertEquals(route, routeOf(browser), "the same session");
                    String instances = again.getElementById("instances").asNormalizedText();
                    assertTrue(instances.contains("alpha") && instances.contains("beta"), instances);
                }
            }
        }
        assertEquals(Set.of("alpha", "beta"), routes, "first visits go to both instances");
    }

    /** Logs in as the administrator on the login page that leads to the probe page, and returns that page. */
    private static HtmlPage probePageAsAdmin(WebClient browser, URI base) throws IOException {
        HtmlPage login = browser.getPage(base.resolve("login.xhtml?next=%2Fadmin%2Fprobe.xhtml").toURL());
        ((HtmlInput) login.getElementById("login:name")).setValue("admin");
        ((HtmlInput) login.getElementById("login:password")).setValue(TestLogin.PASSWORD);
        return ((HtmlElement) login.getElementById("login:submit")).click();
    }

    /** The instance that holds the browser's session, as its session id ends. */
    private static String routeOf(WebClient browser) {
        Cookie session = browser.getCookieManager().getCookie("JSESSIONID");
        assertNotNull(session, "a session cookie");
        String id = session.getValue();
        return id.substring(id.lastIndexOf('.') + 1);
    }

    /**
     * The URLs an instance's mirror list for a country gives as that country's own (the list tops them up
     * with other continents' mirrors, which are not what a move to the country changes).
     */
    private static List<String> listedIn(PayaraMicro server, String country) {
        HttpResponse<String> list = new ApiClient(server.baseUri()).get("/ubuntu/+countrymirrors-archive?country="
                + country, "Accept", "application/json");
        assertEquals(200, list.statusCode(), list.body());
        List<String> own = new ArrayList<>();
        json(list).path("choices").forEach(choice -> {
            if (country.equals(choice.path("country").asText())) {
                own.add(choice.path("url").asText());
            }
        });
        return own;
    }

    @Test
    @Order(4)
    void aRoundAbortedWhileBothProbe_stopsBothInstances() throws Exception {
        List<FakeMirror> hosts = farmOfHosts("aborted");
        long id = start(alpha);
        await("both instances holding claims").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode round = get(alpha, id);
                    JsonNode alphaShare = share(round, "alpha");
                    JsonNode betaShare = share(round, "beta");
                    return alphaShare != null && betaShare != null && alphaShare.path("claimsHeld").asInt() > 0
                            && betaShare.path("claimsHeld").asInt() > 0;
                });

        // As an operator's SQL, or a participant that failed, would leave it.
        execute("UPDATE probe_run SET state = 'ABORTED', finished = now() WHERE id = " + id
                + "; UPDATE probe_lease SET run_id = NULL, holder = NULL, expires_at = NULL WHERE run_id = " + id);

        for (PayaraMicro instance : List.of(alpha, beta)) {
            await("the participant of " + instance.log() + " stopping").atMost(Duration.ofSeconds(20))
                    .until(() -> Files.readString(instance.log()).contains("Probe round " + id + " was aborted"));
        }
        int[] before = {-1};
        await("no request after the stop").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    int now = hosts.stream().mapToInt(FakeMirror::requests).sum();
                    boolean still = now == before[0];
                    before[0] = now;
                    return still;
                });
        assertTrue(rows("SELECT count(*) FROM probe_claim_mirror m JOIN probe_claim c ON c.id = m.claim_id"
                + " WHERE c.run_id = " + id + " AND m.recorded_at IS NULL").get(0).compareTo("0") > 0,
                "the round was stopped before its end");
        // Left, its mirrors would be due in the next test's round.
        execute("DELETE FROM distribution_mirror WHERE name LIKE 'aborted-%'");
    }

    @Test
    @Order(5)
    void anInstanceKilledMidRound_theOtherFinishesIt_probingAgainOnlyTheMirrorsInFlight() throws Exception {
        List<FakeMirror> hosts = farmOfHosts("killed");
        long id = start(alpha);

        await("beta holding claims with some of its mirrors recorded").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    JsonNode betaShare = share(get(alpha, id), "beta");
                    return betaShare != null && betaShare.path("claimsHeld").asInt() > 0
                            && betaShare.path("claimsDone").asInt() > 0;
                });
        beta.kill();
        List<String> heldAtTheKill = rows("SELECT host FROM probe_claim WHERE run_id = " + id
                + " AND state = 'CLAIMED' AND instance = 'beta'");

        // Beta's claims come back once its heartbeat is older than the lease-ttl (6 s).
        await("the round finished by alpha").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> !"RUNNING".equals(get(alpha, id).path("state").asText()));
        JsonNode round = get(alpha, id);
        assertEquals("DONE", round.path("state").asText(), round.toString());
        assertEquals(HOSTS * SITES.size(), round.path("mirrorsDone").asInt(), round.toString());
        assertEquals(List.of(), rows("SELECT id FROM probe_run WHERE state = 'RUNNING'"));
        assertTrue(rows("SELECT log FROM probe_run WHERE id = " + id).get(0).contains("Probed 40 mirrors."));

        // Every mirror recorded once: those beta recorded before the kill are kept, none is recorded again.
        assertEquals(List.of(), rows("SELECT m.name FROM distribution_mirror m WHERE m.name LIKE 'killed-%' AND"
                + " (SELECT count(*) FROM mirror_probe_record r WHERE r.distribution_mirror_id = m.id) <> 1"));
        Set<String> takenTwice = new HashSet<>(rows("SELECT host FROM probe_claim WHERE run_id = " + id
                + " AND times_taken > 1"));
        assertEquals(Set.copyOf(heldAtTheKill), takenTwice, "alpha took over what beta held, and nothing else");
        List<String> probedTwice = new ArrayList<>();
        for (FakeMirror host : hosts) {
            for (String site : SITES) {
                if (!oneProbe.equals(requestsBelow(host, site))) {
                    probedTwice.add(hostKey(host) + " " + site);
                    assertTrue(takenTwice.contains(hostKey(host)), host.baseUrl() + site + " was probed twice,"
                            + " although its host was not in flight at the kill: " + requestsBelow(host, site));
                }
            }
            assertTrue(host.peakConcurrency() <= PER_HOST, host.baseUrl() + " peak " + host.peakConcurrency());
        }
        assertTrue(probedTwice.size() <= heldAtTheKill.size() * SITES.size(), probedTwice + " vs " + heldAtTheKill);

        // The probe page shows beta silent; an instance silent for more than a day is forgotten.
        execute("INSERT INTO probe_instance (name, started_at, heartbeat_at) VALUES ('gone-last-week',"
                + " now() - interval '8 days', now() - interval '8 days')");
        await("the instance silent for a week forgotten").atMost(Duration.ofSeconds(20))
                .until(() -> rows("SELECT name FROM probe_instance WHERE name = 'gone-last-week'").isEmpty());
        try (WebClient browser = new WebClient()) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            String instances = probePageAsAdmin(browser, alpha.baseUri()).getElementById("instances").asNormalizedText();
            assertTrue(instances.lines().anyMatch(line -> line.startsWith("alpha") && line.endsWith("up")), instances);
            assertTrue(instances.lines().anyMatch(line -> line.startsWith("beta") && line.contains("silent")), instances);
        }
    }

    /** A control mirror, probed on its own with "probe now": what one probe of a farm mirror asks. */
    private static Map<String, Integer> probedAlone() throws Exception {
        FakeMirror control = farm.newMirror().serve(ProberWorld.syncedAgo(Duration.ZERO, "a/"));
        register("control", control.baseUrl() + "a/");
        HttpResponse<String> probe = send(alpha, "POST", "/api/v1/mirrors/control/probes");
        assertEquals(202, probe.statusCode(), probe.body());
        String round = URI.create(probe.headers().firstValue("Location").orElseThrow()).getPath();
        await("the control mirror probed").atMost(Duration.ofSeconds(60))
                .until(() -> !send(alpha, "GET", round).body().contains("\"state\":\"RUNNING\""));
        Map<String, Integer> alone = requestsBelow(control, "a/");
        assertTrue(!alone.isEmpty() && alone.values().stream().allMatch(count -> count == 1), alone.toString());
        return alone;
    }

    /** HOSTS hosts, each with two mirrors (sites a/ and b/) of the same content, slow to answer. */
    private static List<FakeMirror> farmOfHosts(String prefix) throws SQLException {
        List<FakeMirror> hosts = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            FakeMirror host = farm.newMirror().latency(Duration.ofMillis(50));
            for (String site : SITES) {
                host.serve(ProberWorld.syncedAgo(Duration.ZERO, site));
                register(prefix + "-" + h + "-" + site.charAt(0), host.baseUrl() + site);
            }
            hosts.add(host);
        }
        return hosts;
    }

    private static String hostKey(FakeMirror host) {
        URI base = URI.create(host.baseUrl());
        return base.getHost() + ":" + base.getPort();
    }

    private static Map<String, Integer> requestsBelow(FakeMirror host, String site) {
        Map<String, Integer> below = new TreeMap<>();
        host.requestsByPath().forEach((path, count) -> {
            if (path.startsWith(site)) {
                below.put(path.substring(site.length()), count);
            }
        });
        return below;
    }

    private static void register(String name, String url) throws SQLException {
        execute(FarmMirrors.registration(name, url));
    }

    private static JsonNode roundToTheEnd(PayaraMicro server) {
        long id = start(server);
        await("the round over").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> !"RUNNING".equals(get(server, id).path("state").asText()));
        return get(server, id);
    }

    private static long start(PayaraMicro server) {
        HttpResponse<String> started = send(server, "POST", "/api/v1/probe-rounds", "{\"content\":\"ARCHIVE\"}");
        assertEquals(202, started.statusCode(), started.body());
        return json(started).path("id").asLong();
    }

    private static JsonNode get(PayaraMicro server, long id) {
        return json(send(server, "GET", "/api/v1/probe-rounds/" + id));
    }

    private static JsonNode share(JsonNode round, String instance) {
        for (JsonNode share : round.path("instances")) {
            if (instance.equals(share.path("instance").asText())) {
                return share;
            }
        }
        return null;
    }

    private static HttpResponse<String> send(PayaraMicro server, String method, String path) {
        return send(server, method, path, null);
    }

    /** As the administrator, to one instance directly. */
    private static HttpResponse<String> send(PayaraMicro server, String method, String path, String body) {
        return new ApiClient(server.baseUri()).send(method, path, body, "Authorization", ADMIN);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect(DATABASE); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
