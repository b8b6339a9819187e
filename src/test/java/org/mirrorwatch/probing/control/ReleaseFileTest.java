package org.mirrorwatch.probing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The strict, bounded reading of a suite's InRelease and Release files. */
class ReleaseFileTest {

    static final String HASH_A = "a".repeat(64);
    static final String HASH_B = "0123456789abcdef".repeat(4);

    static final String FIELDS = """
            Origin: Ubuntu
            Label: Ubuntu
            Suite: hoary
            Codename: hoary
            Date: Thu, 01 Jan 2026 00:00:00 UTC
            Architectures: i386
            Components: main
            Description: Ubuntu Hoary
            MD5Sum:
             d41d8cd98f00b204e9800998ecf8427e 812 main/binary-i386/Packages.gz
            SHA256:
             %s              812 main/binary-i386/Packages.gz
             %s 4711 main/source/Sources.gz
            """.formatted(HASH_A, HASH_B);

    static String inRelease(String fields) {
        return "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n" + fields
                + "-----BEGIN PGP SIGNATURE-----\n\niQIzBAEBCgAdFiEE\n=abcd\n-----END PGP SIGNATURE-----\n";
    }

    @Test
    void aClearsignedInRelease_givesTheSha256Sizes_byPath() {
        ReleaseFile release = ReleaseFile.parse(bytes(inRelease(FIELDS)));
        assertEquals(Map.of("main/binary-i386/Packages.gz", 812L, "main/source/Sources.gz", 4711L), release.sizes());
        assertEquals(Optional.of(812L), release.sizeOf("main/binary-i386/Packages.gz"));
        assertEquals(Optional.empty(), release.sizeOf("main/binary-i386/Packages.xz"));
        assertEquals(Optional.of("Thu, 01 Jan 2026 00:00:00 UTC"), release.date());
        assertTrue(release.signed());
    }

    @Test
    void anUnsignedRelease_withCrlfLines_readsTheSame() {
        ReleaseFile release = ReleaseFile.parse(bytes(FIELDS.replace("\n", "\r\n")));
        assertEquals(2, release.sizes().size());
        assertFalse(release.signed());
    }

    @Test
    void dashEscapedLines_areUnescaped() {
        ReleaseFile release = ReleaseFile.parse(bytes(inRelease("- Origin: Ubuntu\n" + FIELDS.substring(
                FIELDS.indexOf('\n') + 1))));
        assertEquals(2, release.sizes().size());
    }

    @Test
    void badInput_isRefused_withTheReason() {
        assertRefused("no SHA256 field", FIELDS.replaceAll("SHA256:(\n .*)+\n", ""));
        assertRefused("repeats the field Suite", FIELDS + "Suite: again\n");
        assertRefused("line 1 continues no field", " orphan\n" + FIELDS);
        assertRefused("begins a second paragraph", FIELDS + "\nOrigin: other\n");
        assertRefused("is neither a field", FIELDS + "no colon here\n");
        assertRefused("a SHA256 line is not", FIELDS + " " + HASH_A + " 12\n");
        assertRefused("a SHA256 line is not", FIELDS + " " + HASH_A + " -1 main/x\n");
        assertRefused("a SHA256 line is not", FIELDS + " " + HASH_A + " 1 ../../etc/passwd\n");
        assertRefused("a SHA256 line is not", FIELDS + " " + "g".repeat(64) + " 1 main/x\n");
        assertRefused("lists main/source/Sources.gz twice", FIELDS + " " + HASH_A + " 1 main/source/Sources.gz\n");
        assertRefused("is longer than 1024 characters", FIELDS + "X-Long: " + "x".repeat(1100) + "\n");
        assertRefused("control character", FIELDS + "X-Bell: \u0007\n");
        assertRefused("no fields", "\n\n");
    }

    @Test
    void aBrokenArmour_isRefused() {
        assertRefused("no -----BEGIN PGP SIGNATURE----- line",
                "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n" + FIELDS);
        assertRefused("no -----END PGP SIGNATURE----- line", inRelease(FIELDS).replace("-----END PGP SIGNATURE-----", ""));
        assertRefused("not an armour header", inRelease(FIELDS).replace("Hash: SHA512", "Hash SHA512"));
        assertRefused("starts with a dash that is not escaped", inRelease(FIELDS + "-Oops: x\n"));
    }

    @Test
    void tooLarge_tooManyLines_orNotUtf8_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> ReleaseFile.parse(new byte[ReleaseFile.MAX_BYTES + 1]));
        assertRefused("more than 30000 lines", FIELDS + "X-Many:\n" + " x\n".repeat(ReleaseFile.MAX_LINES));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReleaseFile.parse(new byte[] {'A', ':', ' ', (byte) 0xC3, (byte) 0x28}));
        assertEquals("not UTF-8", e.getMessage());
    }

    private static void assertRefused(String reason, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReleaseFile.parse(bytes(text)));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
