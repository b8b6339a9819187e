package org.mirrorwatch.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

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

    /** How often a start is tried again on a new port when the one chosen was taken in the meantime. */
    private static final int ATTEMPTS = 3;
    private static final String PORT_TAKEN = "java.net.BindException: Address already in use";
    /** What Payara Micro logs when the WAR failed to deploy; it then runs on without it. */
    private static final String DEPLOYMENT_FAILED = "Exception while loading the app";

    /**
     * Starts it on a free port and waits until the application's root answers 200. The settings are made
     * for the port, since some of them name it (the base URL). A port that another process took between
     * the choice and the bind makes Payara Micro run on without its HTTP listener; that start is stopped
     * and the next one gets another port.
     */
    public static PayaraMicro start(IntFunction<Map<String, String>> settingsForPort, Path log) {
        for (int attempt = 1; ; attempt++) {
            int port = FreePorts.next();
            try {
                return start(port, settingsForPort.apply(port), log);
            } catch (PortTakenException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static PayaraMicro start(int port, Map<String, String> settings, Path log) {
        List<String> command = new ArrayList<>();
        command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
        command.add("-Xmx512m");
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--nocluster", "--port", String.valueOf(port),
                "--postbootcommandfile", System.getProperty("mirrorwatch.postboot.file"),
                "--deploy", System.getProperty("mirrorwatch.test.war", "target/mirrorwatch.war")));
        long logStart = length(log);
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
            SharedServer.awaitUp("Payara Micro at " + base + " (see " + log + ")", base, Duration.ofSeconds(240),
                    () -> {
                        if (!process.isAlive()) {
                            return "Payara Micro exited; see " + log;
                        }
                        String output = payara.loggedSince(logStart);
                        if (output.contains(DEPLOYMENT_FAILED)) {
                            return "The WAR failed to deploy; see " + log;
                        }
                        return output.contains(PORT_TAKEN) ? PORT_TAKEN : null;
                    });
        } catch (RuntimeException | AssertionError e) {
            // A server still starting would outlive the run, and the next test class would start another.
            payara.close();
            String output = payara.loggedSince(logStart);
            if (output.contains(PORT_TAKEN)) {
                throw new PortTakenException("Port " + port + " was taken before Payara Micro could listen on it");
            }
            throw new IllegalStateException(e.getMessage() + "\nThe end of its output:\n" + tail(output, 40), e);
        }
        return payara;
    }

    /** A start that failed because another process listens on the port chosen. */
    static final class PortTakenException extends IllegalStateException {
        PortTakenException(String message) {
            super(message);
        }
    }

    private String loggedSince(long start) {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(start, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static long length(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    public URI baseUri() {
        return base;
    }

    public Path log() {
        return log;
    }

    /** Kills it at once with SIGKILL, as a crash would: no shutdown, nothing handed back. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
