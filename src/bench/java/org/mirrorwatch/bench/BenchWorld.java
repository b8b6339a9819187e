package org.mirrorwatch.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mirrorwatch.publishing.entity.PoolPath;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;

/**
 * The benchmark's archive: an Ubuntu-like distribution with the full matrix (each series × 5 pockets ×
 * 4 components × sources and 4 architectures), one PUBLISHED upload in each of the 7 freshness windows of
 * every (series or arch series, pocket, component), and N mirrors. It is written over JDBC once the
 * application has migrated the schema, and it tells the farm which files exist and when they appeared.
 *
 * <p>Mirror i lags by {@code LAGS[i % 4]}: a quarter are in sync (the newest file answers, 2 requests per
 * index), the others are 1 hour, 8 hours and 3 days behind, so their newest file is missing and every
 * other window's file is asked for (8 requests per index).
 */
final class BenchWorld implements BenchFarm.Content {

    static final List<String> SERIES = List.of("noble", "jammy");
    static final List<String> SERIES_VERSIONS = List.of("24.04", "22.04");
    static final List<String> COMPONENTS = List.of("main", "restricted", "universe", "multiverse");
    static final List<String> ARCHITECTURES = List.of("amd64", "arm64", "armhf", "ppc64el");
    /** One upload in each freshness window: (0, 0.5 h], (0.5, 1.5], (1.5, 2.5], (2.5, 6.5], (6.5, 24.5], (24.5, 48.5], (48.5, 168.5]. */
    static final List<Duration> AGES = List.of(Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(5), Duration.ofHours(20), Duration.ofHours(40), Duration.ofHours(100));
    static final List<Duration> LAGS = List.of(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(8),
            Duration.ofDays(3));
    /** The overall freshness each lag should give. */
    static final List<String> EXPECTED_STATUS = List.of("UP", "ONEHOURBEHIND", "ONEDAYBEHIND", "ONEWEEKBEHIND");
    static final String ARCHIVE_ROOT = "/ubuntu/";
    static final String TRACE_DIR = ARCHIVE_ROOT + "project/trace/";

    /** The trace file of every mirror, in Arch's lastsync format (one line of Unix time), which mirmon reads too. */
    static final String TRACE_PATH = "project/trace/mirrorwatch-bench";

    private final int seriesCount;
    private final boolean traceOnly;
    private final Instant published;
    private final Set<String> indexes = new HashSet<>();
    private final Map<String, Instant> poolFiles = new HashMap<>();
    /** Each suite's InRelease, by its path: the SHA256 sizes of its indexes, all 0 as the farm's HEADs announce. */
    private final Map<String, String> inReleases = new HashMap<>();

    /** @param published the moment the ages count back from; the world is as published then */
    BenchWorld(int seriesCount, Instant published) {
        this(seriesCount, published, false);
        if (seriesCount < 1) {
            throw new IllegalArgumentException("series must be 1 or 2, not " + seriesCount);
        }
    }

    /**
     * A world without series whose distribution names the trace file: a probe of its mirrors reads one trace
     * file each and nothing else, the work mirmon does. Each mirror then carries no index, so its first probe
     * disables it and queues its owner's mail, as it would in production.
     */
    static BenchWorld traceOnly(Instant published) {
        return new BenchWorld(0, published, true);
    }

    private BenchWorld(int seriesCount, Instant published, boolean traceOnly) {
        if (seriesCount < 0 || seriesCount > SERIES.size()) {
            throw new IllegalArgumentException("series must be 1 or 2, not " + seriesCount);
        }
        this.seriesCount = seriesCount;
        this.traceOnly = traceOnly;
        this.published = published;
        for (String series : series()) {
            for (PackagePublishingPocket pocket : PackagePublishingPocket.values()) {
                String suite = series + pocket.suffix();
                for (String component : COMPONENTS) {
                    indexes.add(ARCHIVE_ROOT + "dists/" + suite + "/" + component + "/source/Sources.gz");
                    String source = sourceName(series, pocket);
                    for (int n = 0; n < AGES.size(); n++) {
                        Instant date = published.minus(AGES.get(n));
                        poolFiles.put(ARCHIVE_ROOT + PoolPath.of(component, source, source + "_" + version(n) + ".dsc"),
                                date);
                        for (String arch : ARCHITECTURES) {
                            poolFiles.put(ARCHIVE_ROOT + PoolPath.of(component, source,
                                    source + "_" + version(n) + "_" + arch + ".deb"), date);
                        }
                    }
                    for (String arch : ARCHITECTURES) {
                        indexes.add(ARCHIVE_ROOT + "dists/" + suite + "/" + component + "/binary-" + arch
                                + "/Packages.gz");
                    }
                }
                StringBuilder release = new StringBuilder("Origin: Bench\nSuite: " + suite + "\nSHA256:\n");
                for (String component : COMPONENTS) {
                    release.append(' ').append("0".repeat(64)).append(" 0 ").append(component)
                            .append("/source/Sources.gz\n");
                    for (String arch : ARCHITECTURES) {
                        release.append(' ').append("0".repeat(64)).append(" 0 ").append(component).append("/binary-")
                                .append(arch).append("/Packages.gz\n");
                    }
                }
                inReleases.put(ARCHIVE_ROOT + "dists/" + suite + "/InRelease", "-----BEGIN PGP SIGNED MESSAGE-----\n"
                        + "Hash: SHA512\n\n" + release + "-----BEGIN PGP SIGNATURE-----\n\nAAAA\n"
                        + "-----END PGP SIGNATURE-----\n");
            }
        }
    }

    List<String> series() {
        return SERIES.subList(0, seriesCount);
    }

    /** Index files per mirror: per series, 5 pockets × 4 components × (sources + 4 architectures). */
    int indexesPerMirror() {
        return indexes.size();
    }

    /**
     * Requests the prober needs for a mirror with this lag: the index, then the newest file, then 6 others;
     * and one GET of each suite's InRelease (the suite-consistency check).
     */
    long expectedRequests(Duration lag) {
        if (traceOnly) {
            return 1;
        }
        return (lag.isZero() ? 2L * indexes.size() : (2L + AGES.size() - 1) * indexes.size()) + inReleases.size();
    }

    static Duration lagOf(int mirror) {
        return LAGS.get(mirror % LAGS.size());
    }

    private static String sourceName(String series, PackagePublishingPocket pocket) {
        return "bench-" + series + "-" + pocket.name().toLowerCase(Locale.ROOT);
    }

    /** Version n is the n-th newest upload. */
    private static String version(int n) {
        return "1." + (AGES.size() - n);
    }

    @Override
    public boolean has(String path, Duration lag) {
        if (indexes.contains(path)) {
            return true;
        }
        Instant date = poolFiles.get(path);
        return date != null && !date.isAfter(Instant.now().minus(lag));
    }

    @Override
    public String body(String path, Duration lag) {
        if (inReleases.containsKey(path)) {
            return inReleases.get(path);
        }
        if (!path.startsWith(TRACE_DIR)) {
            return has(path, lag) ? "" : null;
        }
        return Instant.now().minus(lag).getEpochSecond() + "\n";
    }

    /** Writes the distribution, its publications and the mirrors named bench-0000, ... */
    void insert(Connection db, List<String> mirrorUrls) throws SQLException {
        insertArchive(db);
        insertMirrors(db, "bench-", mirrorUrls);
    }

    /** Writes the distribution and its publications, in one transaction. */
    void insertArchive(Connection db) throws SQLException {
        db.setAutoCommit(false);
        try (Statement statement = db.createStatement()) {
            statement.execute("INSERT INTO person (name, display_name, email, date_created) VALUES"
                    + " ('bench-owner', 'Benchmark Owner', 'bench-owner@example.org', now())");
            statement.execute("INSERT INTO distribution (name, display_name, main_archive_url, main_releases_url)"
                    + " VALUES ('ubuntu', 'Ubuntu', 'http://archive.ubuntu.com/ubuntu/', 'http://releases.ubuntu.com/')");
            long distribution = id(statement, "SELECT id FROM distribution WHERE name = 'ubuntu'");
            long owner = id(statement, "SELECT id FROM person WHERE name = 'bench-owner'");
            long country = id(statement, "SELECT id FROM country WHERE iso_code = 'DE'");
            Map<String, Long> components = new HashMap<>();
            for (String component : COMPONENTS) {
                statement.execute("INSERT INTO component (name) VALUES ('" + component + "')");
                components.put(component, id(statement, "SELECT id FROM component WHERE name = '" + component + "'"));
            }
            try (PreparedStatement sources = db.prepareStatement("INSERT INTO source_package_publication"
                    + " (distro_release_id, pocket, component_id, source_package_name, version, status, date_published)"
                    + " VALUES (?, ?, ?, ?, ?, 'PUBLISHED', ?)");
                    PreparedStatement binaries = db.prepareStatement("INSERT INTO binary_package_publication"
                            + " (distro_arch_release_id, pocket, component_id, binary_package_name, version,"
                            + " source_package_name, status, date_published) VALUES (?, ?, ?, ?, ?, ?, 'PUBLISHED', ?)")) {
                for (int s = 0; s < seriesCount; s++) {
                    String series = SERIES.get(s);
                    statement.execute("INSERT INTO distro_release (distribution_id, name, version, status) VALUES ("
                            + distribution + ", '" + series + "', '" + SERIES_VERSIONS.get(s) + "', 'CURRENT')");
                    long release = id(statement, "SELECT id FROM distro_release WHERE name = '" + series + "'");
                    for (int c = 0; c < COMPONENTS.size(); c++) {
                        statement.execute("INSERT INTO distro_release_component (distro_release_id, component_id,"
                                + " position) VALUES (" + release + ", " + components.get(COMPONENTS.get(c)) + ", " + c + ")");
                    }
                    List<Long> archReleases = new ArrayList<>();
                    for (String arch : ARCHITECTURES) {
                        statement.execute("INSERT INTO distro_arch_release (distro_release_id, architecture_tag, official)"
                                + " VALUES (" + release + ", '" + arch + "', true)");
                        archReleases.add(id(statement, "SELECT id FROM distro_arch_release WHERE distro_release_id = "
                                + release + " AND architecture_tag = '" + arch + "'"));
                    }
                    for (PackagePublishingPocket pocket : PackagePublishingPocket.values()) {
                        String source = sourceName(series, pocket);
                        for (String component : COMPONENTS) {
                            for (int n = 0; n < AGES.size(); n++) {
                                Timestamp date = Timestamp.from(published.minus(AGES.get(n)));
                                sources.setLong(1, release);
                                sources.setString(2, pocket.name());
                                sources.setLong(3, components.get(component));
                                sources.setString(4, source);
                                sources.setString(5, version(n));
                                sources.setTimestamp(6, date);
                                sources.addBatch();
                                for (long archRelease : archReleases) {
                                    binaries.setLong(1, archRelease);
                                    binaries.setString(2, pocket.name());
                                    binaries.setLong(3, components.get(component));
                                    binaries.setString(4, source);
                                    binaries.setString(5, version(n));
                                    binaries.setString(6, source);
                                    binaries.setTimestamp(7, date);
                                    binaries.addBatch();
                                }
                            }
                        }
                    }
                }
                sources.executeBatch();
                binaries.executeBatch();
            }
            statement.execute("INSERT INTO source_package_file (publication_id, filename, file_type)"
                    + " SELECT id, source_package_name || '_' || version || '.dsc', 'DSC' FROM source_package_publication");
            statement.execute("INSERT INTO binary_package_file (publication_id, filename, file_type)"
                    + " SELECT p.id, p.binary_package_name || '_' || p.version || '_' || a.architecture_tag || '.deb', 'DEB'"
                    + " FROM binary_package_publication p JOIN distro_arch_release a ON a.id = p.distro_arch_release_id");
            if (traceOnly) {
                statement.execute("UPDATE distribution SET trace_format = 'ARCH_LASTSYNC', trace_path = '" + TRACE_PATH
                        + "' WHERE name = 'ubuntu'");
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /** Writes enabled, reviewed archive mirrors named prefix0000, prefix0001, ..., in one transaction. */
    void insertMirrors(Connection db, String prefix, List<String> mirrorUrls) throws SQLException {
        db.setAutoCommit(false);
        try (Statement statement = db.createStatement()) {
            long distribution = id(statement, "SELECT id FROM distribution WHERE name = 'ubuntu'");
            long owner = id(statement, "SELECT id FROM person WHERE name = 'bench-owner'");
            long country = id(statement, "SELECT id FROM country WHERE iso_code = 'DE'");
            try (PreparedStatement mirrors = db.prepareStatement("INSERT INTO distribution_mirror (distribution_id,"
                    + " owner_id, name, speed, country_id, content, pulse_type, http_base_url, enabled,"
                    + " official_candidate, review_status, date_created)"
                    + " VALUES (?, ?, ?, 'S1G', ?, 'ARCHIVE', 'PULL', ?, true, true, 'OFFICIAL', now())")) {
                for (int i = 0; i < mirrorUrls.size(); i++) {
                    mirrors.setLong(1, distribution);
                    mirrors.setLong(2, owner);
                    mirrors.setString(3, String.format("%s%04d", prefix, i));
                    mirrors.setLong(4, country);
                    mirrors.setString(5, mirrorUrls.get(i));
                    mirrors.addBatch();
                }
                mirrors.executeBatch();
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /** The archive's URL on a farm host: http://127.0.112.7:41234/ubuntu/ */
    static String archiveUrl(BenchFarm.Host host) {
        return host.rootUrl() + ARCHIVE_ROOT.substring(1);
    }

    private static long id(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            if (!row.next()) {
                throw new SQLException("No row for " + query);
            }
            return row.getLong(1);
        }
    }
}
