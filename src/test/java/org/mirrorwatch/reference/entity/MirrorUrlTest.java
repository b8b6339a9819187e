package org.mirrorwatch.reference.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mirrorwatch.platform.InvalidValueException;

class MirrorUrlTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "HTTP,  http://foo.bar.com/pub,            http://foo.bar.com/pub/",
            "HTTP,  http://foo.bar.com/pub/,           http://foo.bar.com/pub/",
            "HTTP,  http://foo.bar.com,                http://foo.bar.com/",
            "HTTP,  HTTP://Mirror.Example.ORG/Ubuntu,  http://mirror.example.org/Ubuntu/",
            "HTTP,  '  http://m.example.org/u  ',      http://m.example.org/u/",
            "HTTPS, https://m.example.org:8443/ubuntu, https://m.example.org:8443/ubuntu/",
            "FTP,   ftp://ftp.example.org/pub/ubuntu,  ftp://ftp.example.org/pub/ubuntu/",
            "RSYNC, rsync://rsync.example.org/ubuntu,  rsync://rsync.example.org/ubuntu/",
            "HTTP,  http://127.0.0.1:8080/m,           http://127.0.0.1:8080/m/",
            "HTTP,  http://[::1]/m,                    http://[::1]/m/",
    })
    void of_normalizesToATrailingSlashAndLowerCaseHost(UrlScheme scheme, String raw, String expected) {
        assertEquals(expected, MirrorUrl.of(scheme, raw).value());
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "HTTP  | ''                                 | Enter the HTTP URL",
            "HTTP  | https://m.example.org/u/           | must start with http://",
            "HTTPS | http://m.example.org/u/            | must start with https://",
            "FTP   | http://m.example.org/u/            | must start with ftp://",
            "RSYNC | ftp://m.example.org/u/             | must start with rsync://",
            "HTTP  | m.example.org/ubuntu               | must start with http://",
            "HTTP  | javascript:alert(1)                | must start with http://",
            "HTTP  | http://user:secret@m.example.org/u | must not contain a user name or password",
            "HTTP  | http://user@m.example.org/u        | must not contain a user name or password",
            "HTTP  | http://m.example.org/u/?x=1        | must not have a query",
            "HTTP  | http://m.example.org/u/#top        | must not have a fragment",
            "HTTP  | http:///ubuntu/                    | must name a host",
            "HTTP  | http://exa mple.org/               | is not a valid URL",
    })
    void of_rejectsWithAPlainMessage(UrlScheme scheme, String raw, String message) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> MirrorUrl.of(scheme, raw));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"HTTP", "FTP"})
    void of_rejectsOverlongUrls(UrlScheme scheme) {
        String raw = scheme.scheme() + "://m.example.org/" + "a".repeat(MirrorUrl.MAX_LENGTH);
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> MirrorUrl.of(scheme, raw));
        assertTrue(e.getMessage().contains("at most 500 characters"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"''", "'   '"})
    void optional_treatsBlankAsNoUrl(String raw) {
        assertNull(MirrorUrl.optional(UrlScheme.HTTP, raw));
    }

    @org.junit.jupiter.api.Test
    void resolve_appendsRelativePathsBelowTheBase() {
        MirrorUrl base = MirrorUrl.of(UrlScheme.HTTP, "http://foo.bar.com/pub");
        assertEquals("http://foo.bar.com/pub/pool/main/p/pmount/pmount_1.9-1_all.deb",
                base.resolve("pool/main/p/pmount/pmount_1.9-1_all.deb"));
        assertEquals("http://foo.bar.com/pub/dists/x", base.resolve("/dists/x"));
    }

    @org.junit.jupiter.api.Test
    void converter_roundTripsEveryScheme() {
        MirrorUrlConverter converter = new MirrorUrlConverter();
        for (UrlScheme scheme : UrlScheme.values()) {
            MirrorUrl url = MirrorUrl.of(scheme, scheme.example());
            assertEquals(url, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(url)));
            assertEquals(scheme, converter.convertToEntityAttribute(url.value()).scheme());
        }
        assertNull(converter.convertToEntityAttribute(null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "http://2130706433/ubuntu/",
            "http://0x7f000001/ubuntu/",
            "http://0177.0.0.1/ubuntu/",
            "http://010.0.0.1/",
            "http://1.2.3.4.5/",
            "http://256.1.1.1/",
            "http://mirror.example.0x7f/",
            "http://[fe80::1%25eth0]/",
            "http://mirror.example.org:99999/ubuntu/",
            "http://mirror.example.org:0/ubuntu/",
    })
    void of_refusesAmbiguousAddressSpellingsZoneIndexesAndPortsOutOfRange(String raw) {
        assertThrows(InvalidValueException.class, () -> MirrorUrl.of(UrlScheme.HTTP, raw));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"http://192.0.2.10/ubuntu/, 192.0.2.10", "http://[2001:db8::1]/u/, [2001:db8::1]",
            "http://Mirror.Example.org:8080/u/, mirror.example.org", "http://m1.example.org./u/, m1.example.org."})
    void host_isTheHostAsWritten(String raw, String host) {
        assertEquals(host, MirrorUrl.of(UrlScheme.HTTP, raw).host());
    }
}
