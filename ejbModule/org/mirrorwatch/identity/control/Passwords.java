package org.mirrorwatch.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.Optional;

/**
 * Password hashing with the container's {@link Pbkdf2PasswordHash}. The iterations of new hashes are
 * configured; a stored hash names its own, so raising the setting keeps old passwords working.
 */
@ApplicationScoped
public class Passwords {

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    AccountSettings settings;

    private String decoyHash;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(settings.getPasswordIterations()),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoyHash = hash.generate("a password nobody has".toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    /**
     * Whether the password matches the stored hash. Without a stored hash the password is checked against
     * a decoy, so a login for an unknown or password-less account costs as long as any other.
     */
    public boolean verify(String password, Optional<String> storedHash) {
        boolean matches = hash.verify(password.toCharArray(), storedHash.orElse(decoyHash));
        return storedHash.isPresent() && matches;
    }
}
