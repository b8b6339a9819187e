package org.mirrorwatch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.mirrorwatch.platform.IpLiterals;

/**
 * A certificate authority for TLS tests, made with Bouncy Castle: its certificate goes in a trust store
 * that the prober is configured with, and it issues server certificates for any host name or address
 * and validity, so a test makes valid, expiring, expired and wrong-name certificates, and self-signed
 * ones that no trust store holds. Keys are EC P-256, which is quick to make.
 *
 * <p>The authority is made once, outside the server, and kept in a directory: {@value #TRUST_STORE} (its
 * certificate only, which the prober's setting names) and {@value #KEY_STORE} (its key, for the tests
 * inside the server to issue with).
 */
public final class TestCertificateAuthority {

    public static final String TRUST_STORE = "trust-store.p12";
    public static final String KEY_STORE = "ca.p12";
    public static final String PASSWORD = "test-trust";
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    private final PrivateKey key;
    private final X509Certificate certificate;

    private TestCertificateAuthority(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** Makes an authority valid from {@code from} to {@code until} and writes both stores into {@code directory}. */
    public static TestCertificateAuthority create(Path directory, Instant from, Instant until) {
        try {
            KeyPair pair = newKeyPair();
            X500Name name = new X500Name("O=Mirrorwatch tests,CN=Mirrorwatch Test CA");
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(from),
                    Date.from(until), name, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate certificate = signed(builder, pair.getPrivate());
            Files.createDirectories(directory);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("mirrorwatch-test-ca", certificate);
            save(trust, directory.resolve(TRUST_STORE));
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("ca", pair.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {certificate});
            save(keys, directory.resolve(KEY_STORE));
            return new TestCertificateAuthority(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("The test certificate authority could not be made", e);
        }
    }

    /** The authority that {@link #create} wrote into {@code directory}. */
    public static TestCertificateAuthority load(Path directory) {
        try (InputStream in = Files.newInputStream(directory.resolve(KEY_STORE))) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            return new TestCertificateAuthority((PrivateKey) keys.getKey("ca", PASSWORD.toCharArray()),
                    (X509Certificate) keys.getCertificate("ca"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The test certificate authority could not be read", e);
        }
    }

    /** A server's key and the chain it sends: a certificate, and the authority's that signed it unless self-signed. */
    public record Issued(PrivateKey key, X509Certificate[] chain) {

        /** The server's TLS with this certificate. */
        public SSLContext serverTls() {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("server", key, PASSWORD.toCharArray(), chain);
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, PASSWORD.toCharArray());
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keys.getKeyManagers(), null, null);
                return context;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("A test server's TLS could not be made", e);
            }
        }
    }

    /**
     * A server's TLS whose certificate can be replaced while it serves: connections that start after
     * {@link #replace} get the new one (the JDK's HTTPS server takes its TLS context only before it starts).
     */
    public static final class ReplaceableTls {

        private volatile Issued current;
        private final SSLContext context;

        public ReplaceableTls(Issued first) {
            current = first;
            try {
                context = SSLContext.getInstance("TLS");
                context.init(new KeyManager[] {new CurrentKey()}, null, null);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("A test server's TLS could not be made", e);
            }
        }

        public SSLContext context() {
            return context;
        }

        public void replace(Issued next) {
            current = next;
        }

        /** Offers the current certificate for every key type it has. */
        private final class CurrentKey extends X509ExtendedKeyManager {

            private String aliasFor(String keyType) {
                return current.key().getAlgorithm().equals(keyType) ? "current" : null;
            }

            @Override
            public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
                return aliasFor(keyType);
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return aliasFor(keyType);
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                String alias = aliasFor(keyType);
                return alias == null ? null : new String[] {alias};
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                return current.chain().clone();
            }

            @Override
            public PrivateKey getPrivateKey(String alias) {
                return current.key();
            }

            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                return null;
            }
        }
    }

    /** A certificate this authority issues for {@code host} (a name or an address). */
    public Issued issue(String host, Instant notBefore, Instant notAfter) {
        try {
            KeyPair pair = newKeyPair();
            X509Certificate leaf = signed(leafBuilder(
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), host, notBefore, notAfter,
                    pair), key);
            return new Issued(pair.getPrivate(), new X509Certificate[] {leaf, certificate});
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("A test certificate for " + host + " could not be made", e);
        }
    }

    /** A self-signed certificate for {@code host}, which no trust store holds. */
    public static Issued selfSigned(String host, Instant notBefore, Instant notAfter) {
        try {
            KeyPair pair = newKeyPair();
            X509Certificate leaf = signed(leafBuilder(new X500Name("CN=" + host + ",O=Self-signed"), host, notBefore,
                    notAfter, pair), pair.getPrivate());
            return new Issued(pair.getPrivate(), new X509Certificate[] {leaf});
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("A self-signed test certificate for " + host + " could not be made", e);
        }
    }

    /** The server TLS of a certificate this authority issues for {@code host}. */
    public SSLContext serverTls(String host, Instant notBefore, Instant notAfter) {
        return issue(host, notBefore, notAfter).serverTls();
    }

    /** The server TLS of a self-signed certificate for {@code host}. */
    public static SSLContext selfSignedTls(String host, Instant notBefore, Instant notAfter) {
        return selfSigned(host, notBefore, notAfter).serverTls();
    }

    private static X509v3CertificateBuilder leafBuilder(X500Name issuer, String host, Instant notBefore,
            Instant notAfter, KeyPair pair) throws IOException {
        GeneralName name = IpLiterals.parse(host).isPresent()
                ? new GeneralName(GeneralName.iPAddress, host) : new GeneralName(GeneralName.dNSName, host);
        return new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(notBefore), Date.from(notAfter),
                new X500Name("CN=" + host), pair.getPublic())
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(name))
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate signed(X509v3CertificateBuilder builder, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static void save(KeyStore store, Path file) throws GeneralSecurityException, IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }
}
