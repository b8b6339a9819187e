package org.mirrorwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One server running the packaged WAR, shared by every black-box HTTP and browser test of a run. The
 * first test that asks starts it on random ports; {@link TestEnvironment} stops it after the run.
 * <p>
 * Which server is the system property {@value #SERVER}: {@code payara} (the default) starts Payara Micro,
 * whose output goes to target/shared-server.log; {@code wildfly} starts the WildFly that the
 * {@code wildfly} Maven profile unpacked (see {@link WildFlyServer}). Both get the same settings.
 */
public final class SharedServer {

    /** The system property that chooses the server under test: payara or wildfly. */
    public static final String SERVER = "mirrorwatch.test.server";

    private static final Logger LOG = Logger.getLogger(SharedServer.class.getName());
    /** Where each server's output goes: everything the application logs is in it. */
    private static final Path PAYARA_LOG = Path.of("target/shared-server.log");
    private static final Path WILDFLY_LOG = Path.of("target/wildfly-console.log");

    private static SharedServer instance;

    private final String name;
    private final Runnable stop;
    private final URI baseUri;
    private final int mailPort;
    private final Path logFile;

    private SharedServer(String name, Runnable stop, URI baseUri, int mailPort, Path logFile) {
        this.name = name;
        this.stop = stop;
        this.baseUri = baseUri;
        this.mailPort = mailPort;
        this.logFile = logFile;
    }

    /** The running server, started now if this is the first call of the run. */
    public static synchronized SharedServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** The application's root, e.g. http://localhost:41234/. */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * The SMTP port this server sends to. It is its own, so mail that it sends or retries never lands in
     * the mailbox of an Arquillian test running at the same time.
     */
    public int mailPort() {
        return mailPort;
    }

    /** How long the server's log is now, to read what a test makes it log with {@link #logSince}. */
    public long logLength() {
        try {
            return Files.size(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the server logged after the first {@code length} bytes; the file also holds earlier runs. */
    public String logSince(long length) {
        try {
            byte[] all = Files.readAllBytes(logFile);
            return new String(all, (int) Math.min(length, all.length), (int) Math.max(0, all.length - length),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The newest setup token that the server wrote to its log after the first {@code length} bytes, as an
     * operator would copy it from there; waits a few seconds for the line.
     */
    public String setupTokenLoggedSince(long length) {
        Pattern line = Pattern.compile("setup token (mwsetup_[A-Za-z0-9_-]+)");
        Awaitility.await("a setup token in " + logFile).atMost(Duration.ofSeconds(10))
                .until(() -> line.matcher(logSince(length)).find());
        Matcher found = line.matcher(logSince(length));
        String token = null;
        while (found.find()) {
            token = found.group(1);
        }
        return token;
    }

    /** The login names whose failed logins mark, in the server's log, a failure a test causes on purpose. */
    static final String DELIBERATE_FAILURE_BEGINS = "deliberate-failure-begins";
    static final String DELIBERATE_FAILURE_ENDS = "deliberate-failure-ends";

    /**
     * Runs {@code action}, which makes the server fail on purpose, between two marks in the server's log
     * (failed logins by marker names, which the server logs as one line each), so that the log check can
     * tell these failures from real ones.
     */
    public void deliberateFailure(Runnable action) {
        mark(DELIBERATE_FAILURE_BEGINS);
        try {
            action.run();
        } finally {
            mark(DELIBERATE_FAILURE_ENDS);
        }
    }

    private void mark(String name) {
        String credentials = java.util.Base64.getEncoder().encodeToString((name + ":x")
                .getBytes(StandardCharsets.UTF_8));
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(resolve("/api/v1/distributions"))
                    .header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI resolve(String path) {
        return baseUri.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** Payara Micro or WildFly, as the run chose. */
    public String name() {
        return name;
    }

    static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.stop.run();
            instance = null;
        }
    }

    private static SharedServer start() {
        long begin = System.nanoTime();
        String server = System.getProperty(SERVER, "payara").toLowerCase(Locale.ROOT);
        boolean wildFly = switch (server) {
            case "payara" -> false;
            case "wildfly" -> true;
            default -> throw new IllegalStateException(SERVER + " is \"" + server + "\"; it must be payara or wildfly");
        };
        // WildFly moves all its ports by one offset, so the offset decides its HTTP port.
        int offset = wildFly ? WildFlyServer.freePortOffset() : 0;
        int mailPort = FreePorts.next();
        SharedServer started;
        if (wildFly) {
            int port = WildFlyServer.httpPort(offset);
            WildFlyServer running = WildFlyServer.start(offset, settings(port, mailPort));
            started = new SharedServer("WildFly", running::stop, URI.create("http://localhost:" + port + "/"),
                    mailPort, WILDFLY_LOG);
        } else {
            PayaraMicro payara = PayaraMicro.start(port -> settings(port, mailPort), PAYARA_LOG);
            started = new SharedServer("Payara Micro", payara::close, payara.baseUri(), mailPort, PAYARA_LOG);
        }
        LOG.info(() -> String.format("Shared %s ready at %s in %d ms", started.name, started.baseUri,
                (System.nanoTime() - begin) / 1_000_000));
        return started;
    }

    /** The settings of the server under test, as system properties; the same on Payara and WildFly. */
    private static Map<String, String> settings(int port, int mailPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("user.timezone", "UTC");
        settings.put("mirrorwatch.probe.timer.enabled", "false");
        // The browser tests probe a fake farm in the test JVM; the API tests' loopback mirrors stay refused,
        // but for the IPv6 loopback, where FamiliesIT's hosts listen on their second family.
        settings.put("mirrorwatch.probe.allowed-cidrs", FakeMirrorFarm.ALLOWED_CIDR + ",::1/128");
        // Names resolve from a hosts file that tests add to (TestHosts); the JVM reads it from the start.
        settings.put(TestHosts.PROPERTY, TestHosts.create());
        // Payara Micro sets it true from its payara-boot.properties unless told otherwise, which would keep
        // the JVM's resolver and the prober off IPv6 (see the README's Deploying).
        settings.put("java.net.preferIPv4Stack", "false");
        // The test JVM's connections act as a proxy that names the client; see RoutingIT.
        settings.put("mirrorwatch.client.trusted-proxies", "127.0.0.1/32,::1/128");
        settings.put("mirrorwatch.probe.timeout", "PT2S");
        // Tests change reference data in SQL (TestDatabase.reset), which a copy in memory would not see for
        // its cache time; the copy itself is tried by OperatorDeploymentIT and ReferenceReadsTest.
        settings.put("mirrorwatch.reference.cache-time", "PT0S");
        // Changes reach the routing snapshot by events and the database's notifications only (RoutingIT).
        settings.put("mirrorwatch.client-list.refresh", "PT1H");
        ServerProperties.NAMES.forEach(name -> settings.put(name, System.getProperty(name)));
        // Its own SMTP port (see mailPort()), and no retries that would land in a later test's mailbox.
        settings.put("mirrorwatch.mail.port", String.valueOf(mailPort));
        settings.put("mirrorwatch.mail.retry.enabled", "false");
        settings.put("mirrorwatch.base-url", "http://localhost:" + port);
        // The route after the session id (AccountPagesIT): Payara's jvmRoute, WildFly's node name.
        settings.put("jvmRoute", "shared");
        settings.put("jboss.node.name", "shared");
        return settings;
    }

    /**
     * Waits until the application's root answers 200, or fails as soon as {@code failure} names a reason
     * (null while there is none), or when the limit has passed.
     */
    static void awaitUp(String what, URI base, Duration limit, Supplier<String> failure) {
        HttpClient client = HttpClient.newHttpClient();
        // What the last try got, for the message when none got a 200: a status, or why there was none.
        AtomicReference<String> lastAnswer = new AtomicReference<>("no answer yet");
        try {
            Awaitility.await(what).atMost(limit).pollInterval(Duration.ofMillis(500))
                    .failFast(what, () -> {
                        String reason = failure.get();
                        if (reason != null) {
                            throw new AssertionError(reason);
                        }
                    })
                    .until(() -> isUp(client, base, lastAnswer));
        } catch (ConditionTimeoutException e) {
            throw new ConditionTimeoutException(e.getMessage() + "; the last try of " + base + " got " + lastAnswer.get());
        }
    }

    private static boolean isUp(HttpClient client, URI base, AtomicReference<String> lastAnswer) {
        try {
            int status = client.send(HttpRequest.newBuilder(base).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            lastAnswer.set("HTTP " + status);
            return status == 200;
        } catch (IOException e) {
            lastAnswer.set(e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
