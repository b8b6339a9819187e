package org.mirrorwatch.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's mirmon (apt package mirmon) over the same farm: one trace file per mirror, fetched with wget
 * by mirmon's own probe command, and a full check ({@code mirmon -get all}). mirmon reads one line per
 * mirror, a timestamp, so it learns one number per mirror: how old its trace file is.
 *
 * <p>mirmon skips a mirror whose host does not resolve ({@code Net::hostent::gethost}), and for an IP
 * literal that means a reverse lookup, which fails for the farm's addresses. So each farm address gets a
 * name (mirror-0001.bench.test) in a hosts file that is bind-mounted over /etc/hosts in a private mount
 * namespace of the mirmon process only ({@code unshare -m}); the machine's /etc/hosts is not touched, and
 * mirmon and wget run unmodified.
 */
final class Mirmon {

    static final String EXECUTABLE = "/usr/bin/mirmon";
    /** The trace file every mirror carries, as Debian's project/trace/ftp-master.debian.org. */
    static final String TRACE_FILE = BenchWorld.TRACE_PATH;

    /** What one run did. */
    record Run(String command, String config, double seconds, int mirrors, int ok, String output) {
    }

    private Mirmon() {
    }

    static boolean available() {
        return new File(EXECUTABLE).canExecute() && new File("/usr/bin/wget").canExecute()
                && new File("/usr/bin/unshare").canExecute();
    }

    /** mirror-0001.bench.test: the farm host's name in mirmon's private /etc/hosts. */
    static String hostName(int index) {
        return String.format("mirror-%04d.bench.test", index + 1);
    }

    /**
     * Configures mirmon for these farm hosts in {@code dir} and times one full check.
     *
     * @param maxProbes mirmon's max_probes, its parallel probes (25 unless configured)
     */
    static Run check(File dir, List<BenchFarm.Host> hosts, int maxProbes, int timeoutSeconds) {
        try {
            dir.mkdirs();
            File etcHosts = new File(dir, "hosts");
            List<String> hostLines = new ArrayList<>(Files.readAllLines(new File("/etc/hosts").toPath()));
            List<String> archiveUrls = new ArrayList<>();
            for (BenchFarm.Host host : hosts) {
                hostLines.add(host.address.getAddress().getHostAddress() + " " + hostName(host.index));
                archiveUrls.add("http://" + hostName(host.index) + ":" + host.address.getPort()
                        + BenchWorld.ARCHIVE_ROOT);
            }
            Files.write(etcHosts.toPath(), hostLines, StandardCharsets.UTF_8);
            File list = new File(dir, "mirror_list");
            File state = new File(dir, "state");
            File page = new File(dir, "mirmon.html");
            File conf = new File(dir, "mirmon.conf");
            List<String> lines = new ArrayList<>();
            for (String url : archiveUrls) {
                lines.add("de " + url);
            }
            Files.write(list.toPath(), lines, StandardCharsets.UTF_8);
            Files.writeString(state.toPath(), "", StandardCharsets.UTF_8); // mirmon needs it to exist
            String config = String.join("\n",
                    "project_name Mirrorwatch benchmark",
                    "project_url http://localhost/",
                    "mirror_list " + list.getAbsolutePath(),
                    "state " + state.getAbsolutePath(),
                    "web_page " + page.getAbsolutePath(),
                    "countries /usr/share/mirmon/countries.list",
                    "icons icons",
                    "probe /usr/bin/wget -q -O - -T %TIMEOUT% -t 1 %URL%" + TRACE_FILE,
                    "timeout " + timeoutSeconds,
                    "max_probes " + maxProbes,
                    "") ;
            Files.writeString(conf.toPath(), config, StandardCharsets.UTF_8);
            List<String> command = List.of("/usr/bin/unshare", "-m", "/bin/sh", "-c", "mount --bind "
                    + etcHosts.getAbsolutePath() + " /etc/hosts && exec " + EXECUTABLE + " -q -c " + conf.getAbsolutePath()
                    + " -get all");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).directory(dir).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int ok = 0;
            for (String line : Files.readAllLines(state.toPath(), StandardCharsets.UTF_8)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length >= 3 && fields[2].equals("ok")) {
                    ok++;
                }
            }
            return new Run(String.join(" ", command.subList(0, 4)) + " '" + command.get(4) + "'", config, seconds,
                    archiveUrls.size(), ok,
                    new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("mirmon did not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while mirmon ran", e);
        }
    }
}
