package org.mirrorwatch.probing.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mirrorwatch.probing.http.CertificateFacts.Verdict;
import org.mirrorwatch.testing.TestCertificateAuthority;

/**
 * The judgement of a server's chain, against real certificates from a test authority that the trust
 * store holds, at a fixed time: trusted, expired, untrusted, for another name; the facts it keeps.
 */
class CertificateRecorderTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static final Duration MONTH = Duration.ofDays(30);

    @TempDir
    static Path directory;

    private static TestCertificateAuthority ca;
    private static CertificateRecorder recorder;

    @BeforeAll
    static void authority() {
        ca = TestCertificateAuthority.create(directory, NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(3650)));
        TlsTrust trust = TlsTrust.load(directory.resolve(TestCertificateAuthority.TRUST_STORE),
                TestCertificateAuthority.PASSWORD.toCharArray(), "PKCS12");
        recorder = new CertificateRecorder(trust, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aCertificateForTheAddress_isTrusted_withItsFacts() {
        X509Certificate[] chain = ca.issue("127.0.100.7", NOW.minus(MONTH), NOW.plus(Duration.ofDays(5))).chain();
        CertificateFacts facts = recorder.judge(chain, "127.0.100.7", "TLSv1.3");
        assertEquals(Verdict.TRUSTED, facts.verdict());
        assertEquals(NOW.plus(Duration.ofDays(5)), facts.notAfter(), "the earliest expiry of the chain: the leaf's");
        assertEquals("CN=Mirrorwatch Test CA,O=Mirrorwatch tests", facts.issuer());
        assertEquals("TLSv1.3", facts.protocol());
        assertTrue(facts.fingerprint().matches("[0-9a-f]{64}"), facts.fingerprint());
    }

    @Test
    void aCertificateForAName_matchesThatName_andAWildcardItsSubdomains() {
        assertEquals(Verdict.TRUSTED, recorder.judge(ca.issue("mirror.example.org", NOW.minus(MONTH),
                NOW.plus(MONTH)).chain(), "MIRROR.example.org", "TLSv1.3").verdict());
        assertEquals(Verdict.TRUSTED, recorder.judge(ca.issue("*.example.org", NOW.minus(MONTH), NOW.plus(MONTH))
                .chain(), "mirror.example.org", "TLSv1.3").verdict());
        assertEquals(Verdict.NAME_MISMATCH, recorder.judge(ca.issue("*.example.org", NOW.minus(MONTH),
                NOW.plus(MONTH)).chain(), "a.mirror.example.org", "TLSv1.3").verdict());
    }

    @Test
    void anExpiredCertificate_isExpired() {
        X509Certificate[] chain = ca.issue("127.0.100.7", NOW.minus(MONTH), NOW.minus(Duration.ofDays(1))).chain();
        assertEquals(Verdict.EXPIRED, recorder.judge(chain, "127.0.100.7", "TLSv1.3").verdict());
    }

    @Test
    void aCertificateForAnotherName_isANameMismatch() {
        X509Certificate[] chain = ca.issue("other.example.org", NOW.minus(MONTH), NOW.plus(MONTH)).chain();
        assertEquals(Verdict.NAME_MISMATCH, recorder.judge(chain, "127.0.100.7", "TLSv1.3").verdict());
    }

    @Test
    void aSelfSignedCertificate_isUntrusted_andSoIsOneFromAnotherAuthority(@TempDir Path other) {
        assertEquals(Verdict.UNTRUSTED, recorder.judge(TestCertificateAuthority.selfSigned("127.0.100.7",
                NOW.minus(MONTH), NOW.plus(MONTH)).chain(), "127.0.100.7", "TLSv1.3").verdict());
        TestCertificateAuthority stranger = TestCertificateAuthority.create(other, NOW.minus(MONTH), NOW.plus(MONTH));
        assertEquals(Verdict.UNTRUSTED, recorder.judge(stranger.issue("127.0.100.7", NOW.minus(MONTH), NOW.plus(MONTH))
                .chain(), "127.0.100.7", "TLSv1.3").verdict());
    }

    @Test
    void aTrustStoreThatCannotBeRead_isRefusedWithTheReason(@TempDir Path empty) {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> TlsTrust.load(empty.resolve("none.p12"), null, "PKCS12"));
        assertTrue(missing.getMessage().contains("none.p12 cannot be read"), missing.getMessage());
        IllegalArgumentException wrongPassword = assertThrows(IllegalArgumentException.class,
                () -> TlsTrust.load(directory.resolve(TestCertificateAuthority.TRUST_STORE), "wrong".toCharArray(),
                        "PKCS12"));
        assertTrue(wrongPassword.getMessage().contains("cannot be read"), wrongPassword.getMessage());
    }
}
