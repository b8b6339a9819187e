package org.mirrorwatch.publishing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class PoolPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "alsa-utils, a",
            "pmount, p",
            "mozilla-firefox, m",
            "libc6, libc",
            "libcairo, libc",
            "libx11, libx",
            "lib, lib",
            "lib3ds, lib3",
            "liberation-fonts, libe",
            "linux, l",
            "0ad, 0",
    })
    void prefix_isTheFirstLetterOrLibAndTheNext(String source, String prefix) {
        assertEquals(prefix, PoolPath.prefix(source));
    }

    @org.junit.jupiter.api.Test
    void of_buildsThePoolPathOfAFile() {
        assertEquals("pool/main/a/alsa-utils/alsa-utils_1.0.9a-4.dsc",
                PoolPath.of("main", "alsa-utils", "alsa-utils_1.0.9a-4.dsc"));
        assertEquals("pool/universe/libc/libcairo/libcairo2_1.0_i386.deb",
                PoolPath.of("universe", "libcairo", "libcairo2_1.0_i386.deb"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void prefix_needsASourceName(String source) {
        assertThrows(IllegalArgumentException.class, () -> PoolPath.prefix(source));
    }
}
