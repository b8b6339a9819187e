package org.mirrorwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * Debian's nginx as the load balancer in front of two instances, run from the README's sample
 * ({@code server-config/nginx/mirrorwatch.conf}) with its example addresses and port replaced, so the
 * configuration an operator copies is the one tested. It runs in the foreground as a child process, with
 * its files below {@code target/}; {@code .ci/run} installs it.
 */
public final class Nginx implements AutoCloseable {

    private static final Path SAMPLE = Path.of("server-config/nginx/mirrorwatch.conf");
    private static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final URI base;
    private final Path prefix;

    private Nginx(Process process, URI base, Path prefix) {
        this.process = process;
        this.base = base;
        this.prefix = prefix;
    }

    /** Starts it on a free port with the sample's two instances replaced by {@code alpha} and {@code beta}. */
    public static Nginx inFrontOf(URI alpha, URI beta, Path prefix) {
        try {
            Files.createDirectories(prefix.resolve("logs"));
            int port = FreePorts.next();
            String site = Files.readString(SAMPLE, StandardCharsets.UTF_8)
                    .replace("10.0.0.11:8080", alpha.getHost() + ":" + alpha.getPort())
                    .replace("10.0.0.12:8080", beta.getHost() + ":" + beta.getPort())
                    .replace("listen 80;", "listen 127.0.0.1:" + port + ";");
            Path root = prefix.toAbsolutePath();
            String conf = String.join("\n", List.of(
                    // As root (CI), the workers would otherwise run as nobody, who may not enter target/.
                    "root".equals(System.getProperty("user.name")) ? "user root;" : "",
                    "worker_processes 1;",
                    "pid " + root.resolve("nginx.pid") + ";",
                    "error_log " + root.resolve("logs/error.log") + " info;",
                    "events { worker_connections 256; }",
                    "http {",
                    "    access_log " + root.resolve("logs/access.log") + ";",
                    "    client_body_temp_path " + root.resolve("body") + ";",
                    "    proxy_temp_path " + root.resolve("proxy") + ";",
                    "    fastcgi_temp_path " + root.resolve("fastcgi") + ";",
                    "    uwsgi_temp_path " + root.resolve("uwsgi") + ";",
                    "    scgi_temp_path " + root.resolve("scgi") + ";",
                    site,
                    "}", ""));
            Path confFile = root.resolve("nginx.conf");
            Files.writeString(confFile, conf, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(BINARY.toString(), "-p", root.toString(), "-c", confFile.toString(),
                    "-e", root.resolve("logs/error.log").toString(), "-g", "daemon off;")
                    .redirectErrorStream(true).redirectOutput(root.resolve("logs/stdout.log").toFile()).start();
            Nginx nginx = new Nginx(process, URI.create("http://localhost:" + port + "/"), root);
            Awaitility.await("nginx on port " + port + " (see " + root.resolve("logs") + ")")
                    .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .failFast("nginx exited; see " + root.resolve("logs"), () -> !process.isAlive())
                    .until(() -> listening(port));
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException("nginx did not start (is Debian's nginx installed?)", e);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public URI baseUri() {
        return base;
    }

    public Path prefix() {
        return prefix;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
