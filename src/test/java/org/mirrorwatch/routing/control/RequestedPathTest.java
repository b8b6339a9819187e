package org.mirrorwatch.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequestedPathTest {

    @ParameterizedTest
    @CsvSource({
            "dists/hoary/main/binary-i386/Packages.gz, hoary/main/binary-i386",
            "dists/hoary-security/universe/binary-arm64/Release, hoary-security/universe/binary-arm64",
            "dists/hoary/main/source/Sources.xz, hoary/main/source",
            "dists/hoary/main/binary-i386/, hoary/main/binary-i386",
            "dists/hoary/InRelease, hoary",
            "dists/hoary-updates/main/i18n/Translation-en.bz2, hoary-updates",
    })
    void aPathUnderDists_needsItsSuiteOrIndex(String path, String need) {
        assertEquals(need, RequestedPath.archive(path).need());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pool/main/m/mozilla-firefox/mozilla-firefox_1.0.2-0ubuntu5_i386.deb",
            "pool/main/g/gcc/g++-4.0_4.0.0~rc1_i386.deb", "", "ls-lR.gz", "project/trace/"})
    void anyOtherPath_needsNothingButFreshness(String path) {
        assertNull(RequestedPath.archive(path).need());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "dists/../../x", "pool//main", "pool/./main", "pool/a b",
            "pool/<script>", "pool/a\\b", "/pool", "pool/%2e%2e"})
    void aPathThatIsNotOne_isRefused(String path) {
        assertThrows(IllegalArgumentException.class, () -> RequestedPath.archive(path));
    }

    @Test
    void anOverlongPath_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> RequestedPath.archive("pool/" + "a".repeat(1100)));
    }

    @Test
    void aCdImagePath_needsItsSeriesWhenItNamesOne() {
        assertEquals("hoary", RequestedPath.releases("hoary/ubuntu-5.04-install-i386.iso", Set.of("hoary", "warty")).need());
        assertNull(RequestedPath.releases("HEADER.html", Set.of("hoary")).need());
    }
}
