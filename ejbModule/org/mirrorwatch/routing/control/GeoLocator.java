package org.mirrorwatch.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mirrorwatch.platform.AddressGuard;
import org.mirrorwatch.platform.SettingRules;

/**
 * Where a client's address is: its country and its autonomous system. The country comes from a MaxMind DB
 * file (the bundled ip-location-db geo-whois-asn-country, or MaxMind's GeoLite2/GeoIP2 Country or City);
 * the AS number from CSV range files (the bundled ip-location-db asn-ipv4.csv and asn-ipv6.csv) or a
 * GeoLite2-ASN file. Addresses that are not on the public internet have neither.
 * <p>
 * A lookup takes no lock: the loaded databases sit in one immutable holder behind a volatile field, and a
 * reload builds a new holder and swaps it in. When the settings name files, {@link GeoDatabaseWatch} has
 * them read again whenever they change; a file that fails to load leaves the old database in place.
 */
@ApplicationScoped
public class GeoLocator {

    private static final Logger LOG = Logger.getLogger(GeoLocator.class.getName());

    static final String COUNTRY_SETTING = "mirrorwatch.geoip.country-database";
    static final String ASN_SETTING = "mirrorwatch.geoip.asn-database";
    static final String RELOAD_SETTING = "mirrorwatch.geoip.reload-check";
    static final String BUNDLED_COUNTRY = "/geoip/geo-whois-asn-country.mmdb";
    static final List<String> BUNDLED_ASN = List.of("/geoip/asn-ipv4.csv", "/geoip/asn-ipv6.csv");

    /** What ends every MaxMind DB file but its metadata (which is at most 128 KiB). */
    private static final byte[] MMDB_MARKER = "\u00ab\u00cd\u00efMaxMind.com".getBytes(StandardCharsets.ISO_8859_1);
    private static final int MMDB_METADATA_MAX = 128 * 1024;

    /** A MaxMind DB file for the countries; none: the bundled one. */
    @Inject
    @ConfigProperty(name = COUNTRY_SETTING)
    Optional<String> countryDatabase;

    /** A GeoLite2-ASN file, or CSV range files, comma-separated; none: the bundled ones. */
    @Inject
    @ConfigProperty(name = ASN_SETTING)
    Optional<String> asnDatabase;

    @Inject
    @ConfigProperty(name = RELOAD_SETTING)
    Duration reloadCheck;

    /** How a file looked when it was read (or last failed to read): changes to either mean "read again". */
    record Stamp(Instant modified, long size) {

        static final Stamp MISSING = new Stamp(Instant.EPOCH, -1);

        static List<Stamp> of(List<Path> files) {
            List<Stamp> stamps = new ArrayList<>();
            for (Path file : files) {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    stamps.add(new Stamp(attributes.lastModifiedTime().toInstant(), attributes.size()));
                } catch (IOException e) {
                    stamps.add(MISSING);
                }
            }
            return List.copyOf(stamps);
        }
    }

    /** A database as loaded: the files it came from (none when bundled), and how they looked then. */
    record Loaded<T>(T database, List<Path> files, List<Stamp> stamps) {
    }

    /** The databases in use; replaced whole, never changed. */
    private record Databases(Loaded<MaxMindDatabase> country, Loaded<AsDatabase> as) {
    }

    private volatile Databases current;

    /** The stamps of files whose last reload failed: they are not tried again until they change again. */
    private List<Stamp> failedCountry = List.of();
    private List<Stamp> failedAs = List.of();

    void loadAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        load();
    }

    /**
     * Reads the databases the settings name, or the bundled ones.
     *
     * @throws IllegalStateException naming the setting, when a file is missing, unreadable or not a database
     */
    void load() {
        SettingRules.require(reloadCheck.compareTo(Duration.ofSeconds(1)) >= 0, RELOAD_SETTING, reloadCheck,
                "at least PT1S");
        List<Path> countryFiles = files(COUNTRY_SETTING, countryDatabase);
        List<Path> asFiles = files(ASN_SETTING, asnDatabase);
        if (countryFiles.size() > 1) {
            throw new IllegalStateException("The setting " + COUNTRY_SETTING + " is " + countryDatabase.get()
                    + "; it must name one MaxMind DB file.");
        }
        try {
            Loaded<MaxMindDatabase> country = countryFiles.isEmpty() ? bundledCountry() : country(countryFiles);
            Loaded<AsDatabase> as = asFiles.isEmpty() ? bundledAs() : as(asFiles);
            current = new Databases(country, as);
        } catch (WrongDatabaseException e) {
            throw new IllegalStateException("The setting " + e.setting + " is " + e.files + "; it must name "
                    + (e.setting.equals(COUNTRY_SETTING) ? "a readable MaxMind DB country file"
                            : "a readable GeoLite2-ASN file, or readable CSV files of address ranges and AS numbers")
                    + ": " + e.getMessage(), e);
        }
    }

    /** The client's country and autonomous system; empty ones when unknown. Never throws. */
    public ClientLocation locate(InetAddress address) {
        Objects.requireNonNull(address, "address");
        Databases databases = current;
        if (databases == null || !AddressGuard.isPublic(address)) {
            return ClientLocation.unknown(address);
        }
        return new ClientLocation(address, databases.country().database().country(address),
                asNumber(databases.as().database().autonomousSystem(address)));
    }

    /** The country of the address, an ISO 3166-1 alpha-2 code in upper case, if known. Never throws. */
    public Optional<String> countryOf(InetAddress address) {
        Databases databases = current;
        if (databases == null || !AddressGuard.isPublic(address)) {
            return Optional.empty();
        }
        return databases.country().database().country(address);
    }

    /** The number of the autonomous system that announces the address, if known. Never throws. */
    public OptionalLong autonomousSystemOf(InetAddress address) {
        Databases databases = current;
        if (databases == null || !AddressGuard.isPublic(address)) {
            return OptionalLong.empty();
        }
        return asNumber(databases.as().database().autonomousSystem(address));
    }

    /** Whether the settings name files, which {@link GeoDatabaseWatch} then watches. */
    boolean watchesFiles() {
        return countryDatabase.filter(text -> !text.isBlank()).isPresent()
                || asnDatabase.filter(text -> !text.isBlank()).isPresent();
    }

    Duration reloadCheck() {
        return reloadCheck;
    }

    /** The country database now in use, for tests of the reload. */
    Object countryDatabaseInUse() {
        return current.country().database();
    }

    /**
     * Reads again each configured database whose files changed since it was read; one that fails is logged
     * in one line and the old one stays. A file that failed is not tried again until it changes again.
     */
    synchronized void reloadChanged() {
        Databases databases = current;
        if (databases == null) {
            return;
        }
        Loaded<MaxMindDatabase> country = databases.country();
        List<Stamp> countryStamps = Stamp.of(country.files());
        if (!country.files().isEmpty() && !countryStamps.equals(country.stamps()) && !countryStamps.equals(failedCountry)) {
            try {
                country = country(country.files());
                failedCountry = List.of();
            } catch (WrongDatabaseException e) {
                failedCountry = countryStamps;
                LOG.warning("Kept the country database in use: reading " + e.files + " again failed: " + e.getMessage());
            }
        }
        Loaded<AsDatabase> as = databases.as();
        List<Stamp> asStamps = Stamp.of(as.files());
        if (!as.files().isEmpty() && !asStamps.equals(as.stamps()) && !asStamps.equals(failedAs)) {
            try {
                as = as(as.files());
                failedAs = List.of();
            } catch (WrongDatabaseException e) {
                failedAs = asStamps;
                LOG.warning("Kept the AS database in use: reading " + e.files + " again failed: " + e.getMessage());
            }
        }
        if (country != databases.country() || as != databases.as()) {
            current = new Databases(country, as);
        }
    }

    private static OptionalLong asNumber(long as) {
        return as == 0 ? OptionalLong.empty() : OptionalLong.of(as);
    }

    private static List<Path> files(String setting, Optional<String> value) {
        List<Path> files = new ArrayList<>();
        for (String part : value.orElse("").split(",")) {
            if (!part.isBlank()) {
                try {
                    files.add(Path.of(part.strip()));
                } catch (InvalidPathException e) {
                    throw new IllegalStateException("The setting " + setting + " is " + value.get()
                            + "; it must name files: " + e.getMessage(), e);
                }
            }
        }
        return List.copyOf(files);
    }

    private static Loaded<MaxMindDatabase> bundledCountry() {
        long start = System.nanoTime();
        try (InputStream in = bundled(BUNDLED_COUNTRY)) {
            MaxMindDatabase database = MaxMindDatabase.read(in, "the bundled " + fileName(BUNDLED_COUNTRY));
            logLoad("country", "the bundled " + fileName(BUNDLED_COUNTRY), database.summary(), start);
            return new Loaded<>(database, List.of(), List.of());
        } catch (IOException e) {
            throw new IllegalStateException("The bundled " + BUNDLED_COUNTRY + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Loaded<AsDatabase> bundledAs() {
        long start = System.nanoTime();
        AsRanges.Builder ranges = new AsRanges.Builder();
        for (String resource : BUNDLED_ASN) {
            try (Reader csv = new InputStreamReader(bundled(resource), StandardCharsets.UTF_8)) {
                ranges.read(csv, fileName(resource));
            } catch (IOException e) {
                throw new IllegalStateException("The bundled " + resource + " cannot be read: " + e.getMessage(), e);
            }
        }
        AsRanges database = ranges.build();
        logLoad("AS", "the bundled " + BUNDLED_ASN.stream().map(GeoLocator::fileName).toList(), database.summary(),
                start);
        return new Loaded<>(database, List.of(), List.of());
    }

    static Loaded<MaxMindDatabase> country(List<Path> files) throws WrongDatabaseException {
        long start = System.nanoTime();
        List<Stamp> stamps = Stamp.of(files);
        Path file = files.get(0);
        try {
            if (!isMaxMindDb(file)) {
                throw new IOException("it is not a MaxMind DB file");
            }
            MaxMindDatabase database = MaxMindDatabase.read(file);
            if (database.isAsDatabase()) {
                throw new IOException("it is an AS database (" + database.metadata().databaseType() + "); name it in "
                        + ASN_SETTING);
            }
            logLoad("country", file.toString(), database.summary(), start);
            return new Loaded<>(database, files, stamps);
        } catch (IOException | RuntimeException e) {
            throw new WrongDatabaseException(COUNTRY_SETTING, files, e);
        }
    }

    static Loaded<AsDatabase> as(List<Path> files) throws WrongDatabaseException {
        long start = System.nanoTime();
        List<Stamp> stamps = Stamp.of(files);
        try {
            AsDatabase database;
            if (files.size() == 1 && isMaxMindDb(files.get(0))) {
                database = MaxMindDatabase.read(files.get(0));
            } else {
                AsRanges.Builder ranges = new AsRanges.Builder();
                for (Path file : files) {
                    if (isMaxMindDb(file)) {
                        throw new IOException(file + " is a MaxMind DB file; name it alone, without CSV files");
                    }
                    try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        ranges.read(csv, file.toString());
                    }
                }
                database = ranges.build();
            }
            logLoad("AS", files.size() == 1 ? files.get(0).toString() : files.toString(), database.summary(), start);
            return new Loaded<>(database, files, stamps);
        } catch (IOException | RuntimeException e) {
            throw new WrongDatabaseException(ASN_SETTING, files, e);
        }
    }

    /** Whether the file ends in a MaxMind DB's metadata: the marker in its last 128 KiB. */
    static boolean isMaxMindDb(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int length = (int) Math.min(size, MMDB_METADATA_MAX);
            ByteBuffer tail = ByteBuffer.allocate(length);
            long position = size - length;
            while (tail.hasRemaining()) {
                int read = channel.read(tail, position + tail.position());
                if (read < 0) {
                    break;
                }
            }
            byte[] bytes = tail.array();
            for (int i = bytes.length - MMDB_MARKER.length; i >= 0; i--) {
                if (bytes[i] == MMDB_MARKER[0]
                        && Arrays.equals(bytes, i, i + MMDB_MARKER.length, MMDB_MARKER, 0, MMDB_MARKER.length)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static InputStream bundled(String resource) throws IOException {
        InputStream in = GeoLocator.class.getResourceAsStream(resource);
        if (in == null) {
            throw new NoSuchFileException(resource, null, "it is not in the WAR");
        }
        return in;
    }

    private static String fileName(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    private static void logLoad(String kind, String from, String summary, long startNanos) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        LOG.info(() -> "Loaded the " + kind + " database " + from + " (" + summary + ") in " + millis + " ms");
    }

    /** A configured database that cannot be read, with the setting that names it. */
    static final class WrongDatabaseException extends Exception {

        private static final long serialVersionUID = 1L;

        final String setting;
        final String files;

        WrongDatabaseException(String setting, List<Path> files, Exception cause) {
            super(cause instanceof NoSuchFileException ? "there is no file " + cause.getMessage()
                    : cause instanceof java.nio.file.AccessDeniedException ? "it may not be read: " + cause.getMessage()
                    : cause.getMessage() != null ? cause.getMessage() : cause.toString(), cause);
            this.setting = setting;
            this.files = files.size() == 1 ? files.get(0).toString() : files.toString();
        }
    }
}
