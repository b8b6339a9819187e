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
 */
final class Mirmon {

    static final String EXECUTABLE = "/usr/bin/mirmon";
    /** The trace file every mirror carries, as Debian's project/trace/ftp-master.debian.org. */
    static final String TRACE_FILE = "project/trace/mirrorwatch-bench";

    /** What one run did. */
    record Run(String command, String config, double seconds, int mirrors, int ok, String output) {
    }

    private Mirmon() {
    }

    static boolean available() {
        return new File(EXECUTABLE).canExecute() && new File("/usr/bin/wget").canExecute();
    }

    /**
     * Configures mirmon for these archive URLs in {@code dir} and times one full check.
     *
     * @param maxProbes mirmon's max_probes, its parallel probes (25 unless configured)
     */
    static Run check(File dir, List<String> archiveUrls, int maxProbes, int timeoutSeconds) {
        try {
            dir.mkdirs();
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
            List<String> command = List.of(EXECUTABLE, "-q", "-c", conf.getAbsolutePath(), "-get", "all");
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
            return new Run(String.join(" ", command), config, seconds, archiveUrls.size(), ok,
                    new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("mirmon did not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while mirmon ran", e);
        }
    }
}
