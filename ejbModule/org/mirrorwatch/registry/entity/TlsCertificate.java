package org.mirrorwatch.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one probe found of a mirror's HTTPS: its {@link TlsState}, and the certificate the server sent
 * (the earliest expiry of its chain, the leaf's issuer and SHA-256 fingerprint) with the protocol of the
 * handshake. Only the state is known when no handshake completed. The issuer comes from the mirror, so it
 * is cut to fit its column.
 */
@Embeddable
public class TlsCertificate {

    static final int ISSUER_LENGTH = 255;

    @Enumerated(EnumType.STRING)
    @Column(name = "tls_state")
    private TlsState state;

    @Column(name = "tls_not_after")
    private Instant notAfter;

    @Column(name = "tls_issuer")
    private String issuer;

    @Column(name = "tls_protocol")
    private String protocol;

    @Column(name = "tls_fingerprint")
    private String fingerprint;

    protected TlsCertificate() {
    }

    /** A completed handshake's certificate; the state must not be {@link TlsState#NO_HANDSHAKE}. */
    public TlsCertificate(TlsState state, Instant notAfter, String issuer, String protocol, String fingerprint) {
        if (Objects.requireNonNull(state) == TlsState.NO_HANDSHAKE) {
            throw new IllegalArgumentException("A certificate was seen, so there was a handshake");
        }
        if (!fingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("A SHA-256 fingerprint is 64 lower-case hex digits, not " + fingerprint);
        }
        this.state = state;
        this.notAfter = Objects.requireNonNull(notAfter);
        this.issuer = bounded(issuer, ISSUER_LENGTH);
        this.protocol = bounded(protocol, 20);
        this.fingerprint = fingerprint;
    }

    /** No handshake completed, so there is no certificate to describe. */
    public static TlsCertificate noHandshake() {
        TlsCertificate none = new TlsCertificate();
        none.state = TlsState.NO_HANDSHAKE;
        return none;
    }

    /** The state a trusted certificate for the right host has at {@code now}: valid, expiring or expired. */
    public static TlsState stateOfTrusted(Instant notAfter, Instant now) {
        if (!notAfter.isAfter(now)) {
            return TlsState.EXPIRED;
        }
        return Duration.between(now, notAfter).compareTo(TlsState.EXPIRING_WITHIN) < 0 ? TlsState.EXPIRING
                : TlsState.VALID;
    }

    private static String bounded(String text, int length) {
        String printable = Objects.requireNonNull(text).replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= length ? printable : printable.substring(0, length - 1) + "…";
    }

    public TlsState getState() {
        return state;
    }

    public Optional<Instant> getNotAfter() {
        return Optional.ofNullable(notAfter);
    }

    public Optional<String> getIssuer() {
        return Optional.ofNullable(issuer);
    }

    public Optional<String> getProtocol() {
        return Optional.ofNullable(protocol);
    }

    public Optional<String> getFingerprint() {
        return Optional.ofNullable(fingerprint);
    }

    /** Whole days from {@code now} to the expiry, rounded down; negative once expired. */
    public Optional<Long> daysLeft(Instant now) {
        return getNotAfter().map(expiry -> Math.floorDiv(Duration.between(now, expiry).toSeconds(), 86_400L));
    }

    /** One line for logs and mails, e.g. "EXPIRING, not after 2026-12-05T00:00:00Z, issuer CN=R3, TLSv1.3". */
    public String describe() {
        if (state == TlsState.NO_HANDSHAKE) {
            return state.name();
        }
        return state + ", not after " + notAfter + ", issuer " + issuer + ", " + protocol;
    }

    /** A copy, so that the probe record and the mirror never share one embedded instance. */
    public TlsCertificate copy() {
        TlsCertificate copy = new TlsCertificate();
        copy.state = state;
        copy.notAfter = notAfter;
        copy.issuer = issuer;
        copy.protocol = protocol;
        copy.fingerprint = fingerprint;
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TlsCertificate that && state == that.state && Objects.equals(notAfter, that.notAfter)
                && Objects.equals(issuer, that.issuer) && Objects.equals(protocol, that.protocol)
                && Objects.equals(fingerprint, that.fingerprint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, notAfter, fingerprint);
    }

    @Override
    public String toString() {
        return describe();
    }
}
