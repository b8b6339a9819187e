package org.mirrorwatch.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Payara Micro started the way the README tells an operator to: the WAR, the post-boot command file,
 * {@code --port}, {@code --nocluster}, and the settings as system properties. Its output goes to a log file.
 */
public final class PayaraMicro implements AutoCloseable {

    private final Process process;
    private final URI base;
    private final Path log;

    private PayaraMicro(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts it and waits until the application's root answers 200. */
    public static PayaraMicro start(int port, Map<String, String> settings, Path log) {
        List<String> command = new ArrayList<>();
        command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
        command.add("-Xmx512m");
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--nocluster", "--port", String.valueOf(port),
                "--postbootcommandfile", System.getProperty("mirrorwatch.postboot.file"),
                "--deploy", System.getProperty("mirrorwatch.test.war", "target/mirrorwatch.war")));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Payara Micro did not start", e);
        }
        URI base = URI.create("http://localhost:" + port + "/");
        PayaraMicro payara = new PayaraMicro(process, base, log);
        try {
            SharedServer.awaitUp("Payara Micro at " + base + " (see " + log + ")", base, Duration.ofSeconds(120),
                    () -> process.isAlive() ? null : "Payara Micro exited; see " + log);
        } catch (RuntimeException | AssertionError e) {
            // A server still starting would outlive the run, and the next test class would start another.
            payara.close();
            throw e;
        }
        return payara;
    }

    public URI baseUri() {
        return base;
    }

    public Path log() {
        return log;
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
