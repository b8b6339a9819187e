package org.mirrorwatch.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * WildFly standalone-full as the shared server: the unpacked distribution that the {@code wildfly} Maven
 * profile puts in target/wildfly afresh each run ({@value #HOME}), set up by the same
 * server-config/wildfly/mirrorwatch.cli that operators run ({@value #CLI}), with the packaged WAR in its
 * deployments folder. Every socket binding is moved by one random port offset; the settings are system
 * properties, which the CLI script's expressions and MicroProfile Config read. The server's own log is
 * standalone/log/server.log under the home; its console goes to target/wildfly-console.log.
 */
final class WildFlyServer {

    static final String HOME = "mirrorwatch.wildfly.home";
    static final String CLI = "mirrorwatch.wildfly.cli";

    private static final Logger LOG = Logger.getLogger(WildFlyServer.class.getName());
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(180);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
    /** standalone-full.xml's socket bindings before the offset: ajp, http, https, iiop, iiop-ssl,
     * management http and https, and the two transaction bindings. */
    private static final int[] DEFAULT_PORTS = {8009, 8080, 8443, 3528, 3529, 9990, 9993, 4712, 4713};
    private static final int HTTP_PORT = 8080;

    private final Process process;

    private WildFlyServer(Process process) {
        this.process = process;
    }

    /** An offset under which all of standalone-full's ports are free now, drawn at random. */
    static int freePortOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            // Every port stays below the ephemeral range, as FreePorts explains.
            int offset = ThreadLocalRandom.current().nextInt(10000, 22000);
            boolean free = true;
            for (int port : DEFAULT_PORTS) {
                free &= FreePorts.isFree(port + offset);
            }
            if (free) {
                return offset;
            }
        }
        throw new IllegalStateException("No port offset with every WildFly port free");
    }

    static int httpPort(int offset) {
        return HTTP_PORT + offset;
    }

    /** Sets up the pristine server with mirrorwatch.cli, deploys the WAR and starts it; returns once / answers. */
    static WildFlyServer start(int offset, Map<String, String> settings) {
        Path home = Path.of(required(HOME));
        if (!Files.isRegularFile(home.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException(HOME + " is " + home + ", which holds no WildFly; run the tests with"
                    + " -Pwildfly, which unpacks it");
        }
        Path war = Path.of(System.getProperty("mirrorwatch.test.war", "target/mirrorwatch.war"));
        Path console = Path.of("target/wildfly-console.log");
        configure(home);
        try {
            Files.copy(war, home.resolve("standalone/deployments/mirrorwatch.war"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("The WAR could not be copied into WildFly's deployments", e);
        }

        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml", "-Djboss.socket.binding.port-offset=" + offset));
        // standalone.sh hands its -D options to WildFly, which sets them once the JVM runs; the JDK reads
        // its hosts file when it first resolves a name, perhaps before that, so that one is a JVM option.
        String hostsFile = settings.containsKey(TestHosts.PROPERTY)
                ? " -D" + TestHosts.PROPERTY + "=" + settings.get(TestHosts.PROPERTY) : "";
        // standalone.conf's default JAVA_OPTS, without its -Djava.net.preferIPv4Stack=true, which would keep
        // the prober off IPv6 (see the README's Deploying on WildFly): a JAVA_OPTS of our own replaces them.
        String javaOptions = "-Xms64m -Xmx512m -Duser.timezone=UTC -Djboss.modules.system.pkgs=org.jboss.byteman"
                + " -Djava.awt.headless=true" + hostsFile;
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(console.toFile());
        // In the background, standalone.sh passes SIGTERM on to the server's JVM and waits for it.
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        builder.environment().put("JAVA_OPTS", javaOptions);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("WildFly did not start", e);
        }
        WildFlyServer server = new WildFlyServer(process);
        URI base = URI.create("http://localhost:" + httpPort(offset) + "/");
        Path failed = home.resolve("standalone/deployments/mirrorwatch.war.failed");
        Path log = home.resolve("standalone/log/server.log");
        try {
            SharedServer.awaitUp("the shared WildFly at " + base + " (see " + log + ")", base, STARTUP_LIMIT, () -> {
                if (!process.isAlive()) {
                    return "WildFly exited; see " + console;
                }
                return Files.exists(failed) ? "The deployment failed: " + read(failed) + " (see " + log + ")" : null;
            });
        } catch (RuntimeException | Error e) {
            server.stop();
            throw e;
        }
        return server;
    }

    /** Applies server-config/wildfly/mirrorwatch.cli to the unpacked standalone-full.xml, as the Deploying section says. */
    private static void configure(Path home) {
        Path cli = Path.of(required(CLI));
        Path output = Path.of("target/wildfly-cli.log");
        List<String> command = List.of(home.resolve("bin/jboss-cli.sh").toString(), "--file=" + cli,
                "-Dmirrorwatch.jdbc.driver.jar=" + postgresqlDriverJar());
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(cli + " did not finish within 120 s; see " + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(cli + " failed (exit status " + process.exitValue() + "): "
                        + read(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("jboss-cli.sh did not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + cli + " ran", e);
        }
    }

    /** The PostgreSQL driver jar that this test run uses: the one the WAR bundles. */
    private static Path postgresqlDriverJar() {
        try {
            return Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server gracefully (standalone.sh hands the signal to its JVM), or kills it after a while. */
    void stop() {
        List<ProcessHandle> jvms = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warning("WildFly did not stop within " + STOP_LIMIT.toSeconds() + " s; killing it");
                jvms.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The script ends when its JVM has; a JVM left behind would hold the ports.
        jvms.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The system property " + property + " is not set; run the tests with -Pwildfly");
        }
        return value;
    }


    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }
}
