package org.mirrorwatch.probing.http;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;
import org.eclipse.jetty.util.ssl.X509;
import org.mirrorwatch.probing.http.CertificateFacts.Verdict;

/**
 * The trust manager of a round's HTTPS requests. It judges each server's chain itself, so that it can
 * say why one is refused (the JDK's own manager only throws): the JDK's PKIX validation against the
 * configured authorities, at the injected clock's time, without revocation checks (Launchpad and the
 * mirror projects' probers check none either), then the host name, as HTTPS endpoint identification
 * does. It remembers what it saw per host and port, and accepts only a trusted chain, so no request
 * goes over a connection that a client would refuse.
 */
final class CertificateRecorder extends X509ExtendedTrustManager {

    private final TlsTrust trust;
    private final Clock clock;
    private final Map<String, CertificateFacts> seen = new ConcurrentHashMap<>();

    CertificateRecorder(TlsTrust trust, Clock clock) {
        this.trust = trust;
        this.clock = clock;
    }

    /** What the newest handshake with this host and port showed, if one got as far as a certificate. */
    Optional<CertificateFacts> seen(String host, int port) {
        return Optional.ofNullable(seen.get(key(host, port)));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        record(chain, engine.getPeerHost(), engine.getPeerPort(), engine.getHandshakeSession());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        SSLSession session = ((SSLSocket) socket).getHandshakeSession();
        record(chain, session.getPeerHost(), session.getPeerPort(), session);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("The prober checks a certificate only against the host it connected to");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("The prober is never a TLS server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("The prober is never a TLS server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("The prober is never a TLS server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trust.authorities();
    }

    private void record(X509Certificate[] chain, String host, int port, SSLSession session)
            throws CertificateException {
        if (chain == null || chain.length == 0 || host == null) {
            throw new CertificateException("The server sent no certificate");
        }
        CertificateFacts facts = judge(chain, host, session == null ? "unknown" : session.getProtocol());
        seen.put(key(host, port), facts);
        if (facts.verdict() != Verdict.TRUSTED) {
            throw new CertificateException("certificate " + facts.verdict().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + " (issuer " + facts.issuer() + ", not after " + facts.notAfter() + ")");
        }
    }

    CertificateFacts judge(X509Certificate[] chain, String host, String protocol) {
        X509Certificate leaf = chain[0];
        Instant notAfter = Arrays.stream(chain).map(certificate -> certificate.getNotAfter().toInstant())
                .min(Comparator.naturalOrder()).orElseThrow();
        return new CertificateFacts(verdict(chain, host), notAfter,
                leaf.getIssuerX500Principal().getName(X500Principal.RFC2253), protocol, fingerprint(leaf));
    }

    private Verdict verdict(X509Certificate[] chain, String host) {
        try {
            PKIXParameters parameters = new PKIXParameters(trust.anchors());
            parameters.setRevocationEnabled(false);
            parameters.setDate(java.util.Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(withoutAnchors(chain)), parameters);
        } catch (CertPathValidatorException e) {
            return e.getReason() == CertPathValidatorException.BasicReason.EXPIRED ? Verdict.EXPIRED
                    : Verdict.UNTRUSTED;
        } catch (GeneralSecurityException e) {
            return Verdict.UNTRUSTED;
        }
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return new X509(null, chain[0]).matches(name) ? Verdict.TRUSTED : Verdict.NAME_MISMATCH;
    }

    /** A server may send the root too; PKIX wants the path up to, not including, a trust anchor. */
    private List<X509Certificate> withoutAnchors(X509Certificate[] chain) {
        List<X509Certificate> path = new ArrayList<>(Arrays.asList(chain));
        while (path.size() > 1 && isAnchor(path.get(path.size() - 1))) {
            path.remove(path.size() - 1);
        }
        return path;
    }

    private boolean isAnchor(X509Certificate certificate) {
        for (TrustAnchor anchor : trust.anchors()) {
            if (certificate.equals(anchor.getTrustedCert())) {
                return true;
            }
        }
        return false;
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    static String key(String host, int port) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return bare.toLowerCase(Locale.ROOT) + ":" + port;
    }
}
