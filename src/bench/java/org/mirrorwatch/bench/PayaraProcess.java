package org.mirrorwatch.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Payara Micro with the packaged WAR, as a child process, and what can be read about it from outside. */
final class PayaraProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K");

    private final Process process;
    private final URI base;
    private final File log;

    private PayaraProcess(Process process, URI base, File log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    static PayaraProcess start(File microJar, File war, File postBoot, int port, String xmx,
            Map<String, String> properties, File log) {
        return start(microJar, war, postBoot, port, xmx, List.of(), List.of(), properties, log);
    }

    /**
     * With more options for the JVM (e.g. a garbage collector's), before the system properties, and for
     * Payara Micro (e.g. {@code --prebootcommandfile}).
     */
    static PayaraProcess start(File microJar, File war, File postBoot, int port, String xmx, List<String> jvmOptions,
            List<String> microOptions, Map<String, String> properties, File log) {
        List<String> command = new ArrayList<>();
        command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
        command.add("-Xmx" + xmx);
        command.addAll(jvmOptions);
        command.add("-Duser.timezone=UTC");
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", microJar.getPath(), "--nocluster", "--port", String.valueOf(port),
                "--postbootcommandfile", postBoot.getPath(), "--deploy", war.getPath()));
        command.addAll(microOptions);
        log.getParentFile().mkdirs();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
            return new PayaraProcess(process, URI.create("http://localhost:" + port + "/"), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Payara Micro did not start", e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    URI base() {
        return base;
    }

    File log() {
        return log;
    }

    /** Waits until the application answers on its root page. */
    void awaitReady(Duration limit) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            try {
                // The first page renders slowly on a loaded machine (its views are compiled then): a 2 s bound
                // gave up on every try, and aborted each render, under a load average of 15 on 2 cores.
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(base).timeout(Duration.ofSeconds(30))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Payara Micro was not ready within " + limit + "; see " + log);
    }

    /** The number of threads of the JVM, from /proc (every platform thread, the JVM's own included). */
    int threads() {
        return ProcStat.threads(process.pid());
    }

    /** Runs a full GC, then returns the heap in use, in KiB, or -1 if jcmd could not tell. */
    long heapUsedAfterFullGcKib() {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        return m.find() ? Long.parseLong(m.group(2)) : -1;
    }

    /** The largest classes on the heap (jcmd GC.class_histogram, which does a full GC first). */
    String classHistogram(int lines) {
        String histogram = jcmd("GC.class_histogram");
        return histogram.lines().limit(lines + 3L).reduce("", (a, b) -> a + b + "\n");
    }

    String threadDump() {
        return jcmd("Thread.print");
    }

    String jcmd(String what) {
        File jcmd = new File(System.getProperty("java.home"), "bin/jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.isFile() ? jcmd.getPath() : "jcmd", String.valueOf(process.pid()), what)
                    .redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(60, TimeUnit.SECONDS);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "jcmd failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "jcmd interrupted";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
