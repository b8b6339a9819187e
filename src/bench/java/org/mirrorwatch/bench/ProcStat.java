package org.mirrorwatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** What Linux's /proc says about processes and the machine: threads and CPU time. */
final class ProcStat {

    /** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
    static final double TICKS_PER_SECOND = 100.0;

    private ProcStat() {
    }

    /** The Threads: line of /proc/<pid>/status, or -1. */
    static int threads(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring("Threads:".length()).strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone
        }
        return -1;
    }

    /** User + system CPU time of one process, in ticks, or -1. */
    static long cpuTicks(long pid) {
        String[] fields = statFields(pid);
        return fields == null ? -1 : Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    /** The fields of /proc/<pid>/stat, the command name (field 2) taken out so that spaces in it do not count. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.UTF_8);
            int close = stat.lastIndexOf(')');
            String[] rest = stat.substring(close + 2).split(" ");
            String[] fields = new String[rest.length + 2];
            fields[0] = stat.substring(0, stat.indexOf(' '));
            fields[1] = stat.substring(stat.indexOf('(') + 1, close);
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** One thread's name (the kernel's 15-character comm) and CPU ticks so far. */
    record ThreadTicks(String name, long ticks) {
    }

    /** Every thread of a process, by thread id. */
    static Map<Long, ThreadTicks> threadTicks(long pid) {
        Map<Long, ThreadTicks> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] rest = stat.substring(close + 2).split(" ");
                    threads.put(Long.parseLong(task.getFileName().toString()), new ThreadTicks(
                            stat.substring(open + 1, close), Long.parseLong(rest[11]) + Long.parseLong(rest[12])));
                } catch (IOException | RuntimeException e) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        return threads;
    }

    /** Busy and total ticks of the whole machine, from the first line of /proc/stat. */
    static long[] machineTicks() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /**
     * CPU ticks of every PostgreSQL process that serves this port: the postmaster (found by "-p port" on its
     * command line, as the embedded server starts it) and its children. Keyed by pid.
     */
    static Map<Long, Long> postgresTicks(int port) {
        Map<Long, Long> ticks = new HashMap<>();
        long postmaster = -1;
        Map<Long, Long> parents = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                String[] fields = statFields(pid);
                if (fields == null || !fields[1].startsWith("postgres")) {
                    continue;
                }
                parents.put(pid, Long.parseLong(fields[3]));
                ticks.put(pid, Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
                try {
                    String cmdline = Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8).replace('\0', ' ');
                    if (cmdline.contains("-p " + port + " ") || cmdline.endsWith("-p " + port)) {
                        postmaster = pid;
                    }
                } catch (IOException e) {
                    // gone
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        long master = postmaster;
        Map<Long, Long> ours = new HashMap<>();
        ticks.forEach((pid, t) -> {
            if (pid == master || parents.get(pid) == master) {
                ours.put(pid, t);
            }
        });
        return ours;
    }

    /** CPU seconds PostgreSQL used between two readings: processes that ended in between are not counted. */
    static double postgresSecondsBetween(Map<Long, Long> before, Map<Long, Long> after) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum / TICKS_PER_SECOND;
    }
}
