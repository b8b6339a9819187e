package org.mirrorwatch.probing.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate authorities the prober trusts: those of a configured trust store, or the JDK's own.
 * Read once, at deployment, so a bad store stops it rather than every round.
 */
public final class TlsTrust {

    private final Set<TrustAnchor> anchors;
    private final X509Certificate[] authorities;
    private final String source;

    private TlsTrust(X509Certificate[] authorities, String source) {
        if (authorities.length == 0) {
            throw new IllegalArgumentException(source + " holds no trusted certificate");
        }
        this.authorities = authorities.clone();
        this.anchors = Arrays.stream(authorities).map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toSet());
        this.source = source;
    }

    /** The authorities the JDK trusts by default (its cacerts, or what javax.net.ssl.trustStore names). */
    public static TlsTrust jdkDefault() {
        return of(null, "the JDK's default trust store");
    }

    /**
     * The trusted certificates of a key store file.
     *
     * @throws IllegalArgumentException naming what is wrong: unreadable, damaged, a wrong password, or empty
     */
    public static TlsTrust load(Path file, char[] password, String type) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            return of(store, file.toString());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the " + type + " trust store " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static TlsTrust of(KeyStore store, String source) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            X509TrustManager manager = Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The JDK offers no X.509 trust manager"));
            return new TlsTrust(manager.getAcceptedIssuers(), source);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(source + " cannot be used: " + e.getMessage(), e);
        }
    }

    Set<TrustAnchor> anchors() {
        return anchors;
    }

    X509Certificate[] authorities() {
        return authorities.clone();
    }

    /** Where the authorities come from, for the log. */
    public String source() {
        return source;
    }
}
