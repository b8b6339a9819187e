package org.mirrorwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a benchmark ran on, in one line. */
final class Machine {

    private Machine() {
    }

    /** The commit the WAR was built from, and whether the application's sources differ from it. */
    static String applicationVersion(java.io.File root) {
        String commit = git(root, "log", "-1", "--format=%h %ci %s");
        String dirty = git(root, "status", "--porcelain", "--", "ejbModule", "src/main", "webapp", "server-config",
                "pom.xml");
        if (commit.isBlank()) {
            return "unknown (no git)";
        }
        return commit.strip() + (dirty.isBlank() ? " (application sources clean)"
                : " (application sources MODIFIED: " + dirty.lines().count() + " files)");
    }

    private static String git(java.io.File root, String... args) {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("git", "-C", root.getPath()));
        command.addAll(java.util.List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException e) {
            // keep unknown
        }
        long memKib = 0;
        try {
            memKib = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException | NumberFormatException e) {
            // keep 0
        }
        return String.format("%s, %d cores, %.0f GiB RAM, %s %s, Java %s (%s)", cpu,
                Runtime.getRuntime().availableProcessors(), memKib / 1024.0 / 1024.0, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }
}
