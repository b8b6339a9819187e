package org.mirrorwatch.routing.control;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Metadata;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.mirrorwatch.platform.IpLiterals;

/**
 * A database in the MaxMind DB format, read whole into memory (so an operator may replace the file under
 * it), with a cache of decoded records (so a lookup decodes nothing twice). Its records are read as maps,
 * which fits both kinds of file operators have: ip-location-db's {"country_code": "US"} and MaxMind's
 * GeoLite2/GeoIP2 {"country": {"iso_code": "US"}, ...}, and GeoLite2-ASN's
 * {"autonomous_system_number": 15169, ...}.
 */
final class MaxMindDatabase implements AsDatabase {

    private static final Logger LOG = Logger.getLogger(MaxMindDatabase.class.getName());

    /** Every possible country code, made once: a lookup hands out these and allocates none. */
    private static final Optional<?>[] CODES = new Optional<?>[26 * 26];

    static {
        for (int i = 0; i < CODES.length; i++) {
            CODES[i] = Optional.of("" + (char) ('A' + i / 26) + (char) ('A' + i % 26));
        }
    }

    private final Reader reader;
    private final String name;
    private final boolean ipv4Only;
    private final AtomicBoolean failedOnce = new AtomicBoolean();

    private MaxMindDatabase(Reader reader, String name) {
        this.reader = reader;
        this.name = name;
        this.ipv4Only = reader.getMetadata().ipVersion() == 4;
    }

    static MaxMindDatabase read(Path file) throws IOException {
        return checked(new Reader(file.toFile(), Reader.FileMode.MEMORY, new CHMCache()), file.toString());
    }

    static MaxMindDatabase read(InputStream in, String name) throws IOException {
        return checked(new Reader(in, new CHMCache()), name);
    }

    /** Looks a few addresses up, so a damaged search tree fails the load rather than every lookup. */
    private static MaxMindDatabase checked(Reader reader, String name) throws IOException {
        for (String probe : new String[] {"1.1.1.1", "8.8.8.8", "193.0.6.139", "2001:4860:4860::8888"}) {
            InetAddress address = IpLiterals.parse(probe).orElseThrow();
            if (!(address instanceof Inet6Address) || reader.getMetadata().ipVersion() == 6) {
                reader.get(address, Map.class);
            }
        }
        return new MaxMindDatabase(reader, name);
    }

    Metadata metadata() {
        return reader.getMetadata();
    }

    /** Whether this database holds AS numbers (GeoLite2-ASN and the like) rather than countries. */
    boolean isAsDatabase() {
        return metadata().databaseType().toUpperCase(java.util.Locale.ROOT).contains("ASN");
    }

    Optional<String> country(InetAddress address) {
        Map<?, ?> record = record(address);
        return record == null ? Optional.empty() : countryIn(record);
    }

    @Override
    public long autonomousSystem(InetAddress address) {
        Map<?, ?> record = record(address);
        if (record != null && record.get("autonomous_system_number") instanceof Number number) {
            long as = number.longValue();
            return as > 0 && as <= 0xffff_ffffL ? as : 0;
        }
        return 0;
    }

    @Override
    public String summary() {
        Metadata metadata = metadata();
        return metadata.databaseType() + ", built " + metadata.buildTime().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * The country of a record: ip-location-db's "country_code", or MaxMind's "country" (where the address
     * is used), else its "registered_country" (where its block is registered). Upper case; empty when the
     * record has none, or one that is not two letters.
     */
    static Optional<String> countryIn(Map<?, ?> record) {
        Object code = record.get("country_code");
        if (code == null && record.get("country") instanceof Map<?, ?> country) {
            code = country.get("iso_code");
        }
        if (code == null && record.get("registered_country") instanceof Map<?, ?> registered) {
            code = registered.get("iso_code");
        }
        return code instanceof String text ? countryCode(text) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> countryCode(String text) {
        if (text.length() != 2) {
            return Optional.empty();
        }
        int first = letter(text.charAt(0));
        int second = letter(text.charAt(1));
        return first < 0 || second < 0 ? Optional.empty() : (Optional<String>) CODES[first * 26 + second];
    }

    private static int letter(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        return c >= 'a' && c <= 'z' ? c - 'a' : -1;
    }

    /** The address's record, or null. A database that fails a lookup says so once, and answers "unknown". */
    private Map<?, ?> record(InetAddress address) {
        if (ipv4Only && address instanceof Inet6Address) {
            return null;
        }
        try {
            return reader.get(address, Map.class);
        } catch (IOException | RuntimeException e) {
            if (failedOnce.compareAndSet(false, true)) {
                LOG.warning(() -> "The IP geolocation database " + name + " failed a lookup (of " + address.getHostAddress()
                        + "), so some clients' whereabouts are unknown: " + e);
            }
            return null;
        }
    }
}
