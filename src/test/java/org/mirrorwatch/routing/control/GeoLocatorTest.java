package org.mirrorwatch.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mirrorwatch.platform.IpLiterals;

/** The bundled databases (downloaded by the build into target/classes/geoip), and operators' files. */
class GeoLocatorTest {

    private static GeoLocator bundled;

    @BeforeAll
    static void loadTheBundledDatabases() {
        bundled = locator(Optional.empty(), Optional.empty());
        bundled.load();
    }

    @ParameterizedTest(name = "{0} is in {1}, AS{2}")
    @CsvSource(delimiter = '|', value = {
            "8.8.8.8                    | US | 15169", // Google Public DNS
            "1.1.1.1                    | AU | 13335", // Cloudflare's resolver, in APNIC's research block
            "193.0.6.139                | NL | 3333",  // RIPE NCC, Amsterdam
            "133.242.0.1                | JP | 7684",  // SAKURA Internet
            "202.12.27.33               | JP | 7500",  // the M root server, WIDE Project
            "200.160.2.3                | BR | 22548", // NIC.br
            "2001:4860:4860::8888       | US | 15169", // Google Public DNS over IPv6
            "2001:67c:2e8:22::c100:68b  | NL | 3333",  // RIPE NCC over IPv6
    })
    void locate_knowsWellKnownPublicAddresses(String address, String country, long as) {
        InetAddress ip = ip(address);
        ClientLocation location = bundled.locate(ip);

        assertEquals(Optional.of(country), location.country());
        assertEquals(OptionalLong.of(as), location.autonomousSystem());
        assertEquals(address.contains(":"), location.isIpv6());
        assertEquals(Optional.of(country), bundled.countryOf(ip));
        assertEquals(OptionalLong.of(as), bundled.autonomousSystemOf(ip));
    }

    /** The bundled country file maps some private blocks to countries (192.168.1.1 to AU): they are skipped. */
    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "127.0.0.1", "::1", "192.168.1.1", "172.16.5.4", "100.64.0.1", "169.254.1.1",
            "fe80::1", "fd00::1", "0.0.0.0", "::", "224.0.0.1", "ff02::1"})
    void locate_knowsNothingOfAddressesOffThePublicInternet(String address) {
        assertEquals(ClientLocation.unknown(ip(address)), bundled.locate(ip(address)));
    }

    @Test
    void locate_ofAnAddressInNoRange_isUnknown() {
        // Documentation blocks (RFC 5737, RFC 3849): public, yet nobody's.
        assertEquals(OptionalLong.empty(), bundled.autonomousSystemOf(ip("192.0.2.1")));
        assertEquals(OptionalLong.empty(), bundled.autonomousSystemOf(ip("2001:db8::1")));
    }

    @Test
    void countryIn_readsBothKindsOfRecord() {
        assertEquals(Optional.of("US"), MaxMindDatabase.countryIn(Map.of("country_code", "US")));
        assertEquals(Optional.of("DE"), MaxMindDatabase.countryIn(Map.of(
                "continent", Map.of("code", "EU"),
                "country", Map.of("iso_code", "DE", "geoname_id", 2921044L, "names", Map.of("en", "Germany")),
                "registered_country", Map.of("iso_code", "NL"))));
        assertEquals(Optional.of("NL"), MaxMindDatabase.countryIn(Map.of("registered_country", Map.of("iso_code", "NL"))));
        assertEquals(Optional.of("FR"), MaxMindDatabase.countryIn(Map.of("country_code", "fr")));
        assertEquals(Optional.empty(), MaxMindDatabase.countryIn(Map.of("country_code", "USA")));
        assertEquals(Optional.empty(), MaxMindDatabase.countryIn(Map.of("country_code", "1A")));
        assertEquals(Optional.empty(), MaxMindDatabase.countryIn(Map.of("continent", Map.of("code", "EU"))));
    }

    @Test
    void asSetting_takesCsvFiles_andReloadsThemWhenTheyChange(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("as.csv");
        Files.writeString(csv, "1.2.3.0,1.2.3.255,64500,Example One\n2001:db8::,2001:db8::ffff,64501,\"Example, Two\"\n");
        GeoLocator locator = locator(Optional.empty(), Optional.of(csv.toString()));
        locator.load();
        assertTrue(locator.watchesFiles());
        assertEquals(OptionalLong.of(64500), locator.autonomousSystemOf(ip("1.2.3.4")));
        assertEquals(OptionalLong.of(64501), locator.autonomousSystemOf(ip("2001:db8::1")));
        assertEquals(Optional.of("US"), locator.countryOf(ip("8.8.8.8")), "the bundled country database");

        locator.reloadChanged();
        assertEquals(OptionalLong.of(64500), locator.autonomousSystemOf(ip("1.2.3.4")), "nothing changed");

        Files.writeString(csv, "1.2.3.0,1.2.3.255,64510,Example One\n");
        Files.setLastModifiedTime(csv, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        locator.reloadChanged();
        assertEquals(OptionalLong.of(64510), locator.autonomousSystemOf(ip("1.2.3.4")));
        assertEquals(OptionalLong.empty(), locator.autonomousSystemOf(ip("2001:db8::1")));

        Files.writeString(csv, "1.2.3.0,not an address,64520\n");
        Files.setLastModifiedTime(csv, FileTime.from(Instant.parse("2030-01-02T00:00:00Z")));
        locator.reloadChanged();
        assertEquals(OptionalLong.of(64510), locator.autonomousSystemOf(ip("1.2.3.4")), "the broken file is not used");

        Files.delete(csv);
        locator.reloadChanged();
        assertEquals(OptionalLong.of(64510), locator.autonomousSystemOf(ip("1.2.3.4")), "nor the missing one");
    }

    @Test
    void asSetting_takesSeveralCsvFiles(@TempDir Path dir) throws IOException {
        Path v4 = Files.writeString(dir.resolve("v4.csv"), "1.2.3.0,1.2.3.255,64500\n");
        Path v6 = Files.writeString(dir.resolve("v6.csv"), "2001:db8::,2001:db8::ffff,64501\n");
        GeoLocator locator = locator(Optional.empty(), Optional.of(v4 + ", " + v6));
        locator.load();

        assertEquals(OptionalLong.of(64500), locator.autonomousSystemOf(ip("1.2.3.4")));
        assertEquals(OptionalLong.of(64501), locator.autonomousSystemOf(ip("2001:db8::1")));
    }

    @Test
    void countrySetting_takesAMaxMindDbFile_andReloadsItWhenItChanges(@TempDir Path dir) throws IOException {
        Path mmdb = dir.resolve("country.mmdb");
        copyBundled(GeoLocator.BUNDLED_COUNTRY, mmdb);
        GeoLocator locator = locator(Optional.of(mmdb.toString()), Optional.empty());
        locator.load();
        Object before = locator.countryDatabaseInUse();
        assertEquals(Optional.of("NL"), locator.countryOf(ip("193.0.6.139")));

        locator.reloadChanged();
        assertSame(before, locator.countryDatabaseInUse(), "nothing changed");

        Path newer = dir.resolve("country.mmdb.new");
        copyBundled(GeoLocator.BUNDLED_COUNTRY, newer);
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        Files.move(newer, mmdb, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        locator.reloadChanged();
        assertNotSame(before, locator.countryDatabaseInUse());
        assertEquals(Optional.of("NL"), locator.countryOf(ip("193.0.6.139")));

        Object reloaded = locator.countryDatabaseInUse();
        Files.write(mmdb, Arrays.copyOf(Files.readAllBytes(mmdb), 1000));
        Files.setLastModifiedTime(mmdb, FileTime.from(Instant.parse("2030-01-02T00:00:00Z")));
        locator.reloadChanged();
        assertSame(reloaded, locator.countryDatabaseInUse(), "the broken file is not used");
    }

    @Test
    void settingsThatNameNoDatabase_stopTheStart(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("as.csv"), "1.2.3.0,1.2.3.255,64500\n");
        Path missing = dir.resolve("missing.mmdb");
        Path truncated = dir.resolve("truncated.mmdb");
        copyBundled(GeoLocator.BUNDLED_COUNTRY, truncated);
        byte[] bytes = Files.readAllBytes(truncated);
        // The metadata at the end survives; the search tree and the records do not.
        Files.write(truncated, Arrays.copyOfRange(bytes, bytes.length - 2000, bytes.length));

        assertStops(locator(Optional.of(missing.toString()), Optional.empty()),
                "The setting mirrorwatch.geoip.country-database is " + missing, "there is no file");
        assertStops(locator(Optional.of(csv.toString()), Optional.empty()),
                "The setting mirrorwatch.geoip.country-database is " + csv, "it is not a MaxMind DB file");
        assertStops(locator(Optional.of(truncated.toString()), Optional.empty()),
                "The setting mirrorwatch.geoip.country-database is " + truncated, "");
        Path badCsv = Files.writeString(dir.resolve("bad.csv"), "16777216,16777471,13335\n");
        assertStops(locator(Optional.empty(), Optional.of(badCsv.toString())),
                "The setting mirrorwatch.geoip.asn-database is " + badCsv, "line 1: \"16777216\" is not an IP address");
        assertStops(locator(Optional.empty(), Optional.of(missing.toString())),
                "The setting mirrorwatch.geoip.asn-database is " + missing, "there is no file");

        GeoLocator tooOften = locator(Optional.empty(), Optional.empty());
        tooOften.reloadCheck = Duration.ofMillis(10);
        assertStops(tooOften, "The setting mirrorwatch.geoip.reload-check is PT0.01S", "at least PT1S");
    }

    private static void assertStops(GeoLocator locator, String start, String reason) {
        IllegalStateException e = assertThrows(IllegalStateException.class, locator::load);
        assertTrue(e.getMessage().startsWith(start) && e.getMessage().contains(reason), e.getMessage());
    }

    static GeoLocator locator(Optional<String> country, Optional<String> asn) {
        GeoLocator locator = new GeoLocator();
        locator.countryDatabase = country;
        locator.asnDatabase = asn;
        locator.reloadCheck = Duration.ofMinutes(1);
        return locator;
    }

    private static void copyBundled(String resource, Path to) throws IOException {
        try (InputStream in = GeoLocator.class.getResourceAsStream(resource)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static InetAddress ip(String literal) {
        return IpLiterals.parse(literal).orElseThrow(() -> new IllegalArgumentException(literal));
    }
}
