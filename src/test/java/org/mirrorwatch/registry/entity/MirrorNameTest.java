package org.mirrorwatch.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mirrorwatch.platform.InvalidValueException;

class MirrorNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"foobarmirror", "valid-mirror", "archive-404-mirror", "mirror.example.org", "c++",
            "a1", "9mirror", "ubuntu.mirror-1.example+x"})
    void accepts_launchpadsNames(String name) {
        assertEquals(name, new MirrorName(name).value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "a", "-mirror", ".mirror", "+mirror", "Mirror", "my mirror", "mirror_1",
            "mirror/1", "<script>", "mirrör"})
    void rejects_namesOutsideTheRule(String name) {
        assertThrows(InvalidValueException.class, () -> new MirrorName(name));
    }

    @org.junit.jupiter.api.Test
    void rejects_overlongNames() {
        assertEquals(64, new MirrorName("a".repeat(64)).value().length());
        assertThrows(InvalidValueException.class, () -> new MirrorName("a".repeat(65)));
    }
}
