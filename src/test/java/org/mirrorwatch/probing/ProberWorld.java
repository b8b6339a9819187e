package org.mirrorwatch.probing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

/** The archive layout of datasets/prober-world.sql, as a fake mirror synced at some moment serves it. */
public final class ProberWorld {

    static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");
    static final List<Duration> HELLO_AGES = List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(5), Duration.ofHours(20), Duration.ofHours(40), Duration.ofHours(100));
    static final String COWSAY = "pool/universe/c/cowsay/cowsay_3.03_all.deb";

    private ProberWorld() {
    }

    static String helloDeb(int n) {
        return "pool/main/h/hello/hello_2.10-" + n + "_amd64.deb";
    }

    static String helloDsc(int n) {
        return "pool/main/h/hello/hello_2.10-" + n + ".dsc";
    }

    /** Every pool file, with the date it was published. */
    static Map<String, Instant> poolFiles() {
        Map<String, Instant> files = new LinkedHashMap<>();
        for (int n = 1; n <= HELLO_AGES.size(); n++) {
            files.put(helloDeb(n), T0.minus(HELLO_AGES.get(n - 1)));
            files.put(helloDsc(n), T0.minus(HELLO_AGES.get(n - 1)));
        }
        files.put(COWSAY, T0.minus(Duration.ofHours(300)));
        return files;
    }

    /** The index files of the given architectures and components, in every pocket, with the sources. */
    static List<String> indexes(List<String> architectures, List<String> components) {
        List<String> paths = new ArrayList<>();
        for (PackagePublishingPocket pocket : PackagePublishingPocket.values()) {
            for (String component : components) {
                for (String architecture : architectures) {
                    paths.add("dists/noble" + pocket.suffix() + "/" + component + "/binary-" + architecture
                            + "/Packages.gz");
                }
                paths.add("dists/noble" + pocket.suffix() + "/" + component + "/source/Sources.gz");
            }
        }
        return paths;
    }

    /** What a complete mirror that last synced {@code lag} before T0 serves, below {@code prefix}. */
    public static List<String> syncedAgo(Duration lag, String prefix) {
        List<String> paths = new ArrayList<>();
        indexes(List.of("amd64", "arm64"), List.of("main", "universe")).forEach(path -> paths.add(prefix + path));
        poolFiles().forEach((path, published) -> {
            if (!published.isAfter(T0.minus(lag))) {
                paths.add(prefix + path);
            }
        });
        return paths;
    }
}
