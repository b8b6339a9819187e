package org.mirrorwatch.testing;

import java.io.File;
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
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.awaitility.Awaitility;

/**
 * One Payara Micro running the packaged WAR, shared by every black-box HTTP and browser test of a run.
 * The first test that asks starts it on a random port; {@link TestEnvironment} stops it after the run.
 * Its output goes to target/shared-server.log.
 */
public final class SharedServer {

    private static final Logger LOG = Logger.getLogger(SharedServer.class.getName());
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);
    private static final Path LOG_FILE = Path.of("target/shared-server.log");

    private static SharedServer instance;

    private final Process process;
    private final URI baseUri;
    private final int mailPort;

    private SharedServer(Process process, URI baseUri, int mailPort) {
        this.process = process;
        this.baseUri = baseUri;
        this.mailPort = mailPort;
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
            return Files.size(LOG_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the server logged after the first {@code length} bytes; the file also holds earlier runs. */
    public String logSince(long length) {
        try {
            byte[] all = Files.readAllBytes(LOG_FILE);
            return new String(all, (int) Math.min(length, all.length), (int) Math.max(0, all.length - length),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI resolve(String path) {
        return baseUri.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.process.destroy();
            try {
                instance.process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            instance = null;
        }
    }

    private static SharedServer start() {
        long begin = System.nanoTime();
        int port = FreePorts.next();
        int mailPort = FreePorts.next();
        List<String> command = new ArrayList<>();
        command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
        command.add("-Xmx512m");
        command.add("-Duser.timezone=UTC");
        command.add("-Dmirrorwatch.probe.timer.enabled=false");
        // The browser tests probe a fake farm in the test JVM; the API tests' loopback mirrors stay refused.
        command.add("-Dmirrorwatch.probe.allowed-cidrs=" + FakeMirrorFarm.ALLOWED_CIDR);
        command.add("-Dmirrorwatch.probe.timeout=PT2S");
        command.addAll(ServerProperties.asJvmOptions());
        // Later -D options win over the shared ones above.
        command.add("-Dmirrorwatch.mail.port=" + mailPort);
        command.add("-Dmirrorwatch.mail.retry.enabled=false");
        command.add("-Dmirrorwatch.base-url=http://localhost:" + port);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--nocluster", "--port", String.valueOf(port),
                "--postbootcommandfile", System.getProperty("mirrorwatch.postboot.file"),
                "--deploy", System.getProperty("mirrorwatch.test.war", "target/mirrorwatch.war")));
        File log = LOG_FILE.toFile();
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Payara Micro did not start", e);
        }
        URI base = URI.create("http://localhost:" + port + "/");
        HttpClient client = HttpClient.newHttpClient();
        Awaitility.await("the shared Payara Micro at " + base + " (see " + log + ")")
                .atMost(STARTUP_LIMIT).pollInterval(Duration.ofMillis(500))
                .failFast("Payara Micro exited; see " + log, () -> !process.isAlive())
                .until(() -> isUp(client, base));
        LOG.info(() -> String.format("Shared Payara Micro ready at %s in %d ms", base,
                (System.nanoTime() - begin) / 1_000_000));
        return new SharedServer(process, base, mailPort);
    }

    private static boolean isUp(HttpClient client, URI base) {
        try {
            return client.send(HttpRequest.newBuilder(base).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
