package org.mirrorwatch.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashing with the container's {@link Pbkdf2PasswordHash}, and the password policy: a minimum
 * length, not a well-known password, and not the person's own name or address.
 */
@ApplicationScoped
public class Passwords {

    public static final int MINIMUM_LENGTH = 10;
    /** Longer passwords only cost hashing time; nobody types more. */
    public static final int MAXIMUM_LENGTH = 200;

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "mirrorwatch.password.iterations", defaultValue = "210000")
    int iterations;

    private Set<String> commonPasswords;
    private String decoyHash;

    @PostConstruct
    void configure() {
        if (iterations < 1024) {
            throw new IllegalStateException("mirrorwatch.password.iterations is " + iterations
                    + "; the container's PBKDF2 needs at least 1024. Set it to 210000 or more in production.");
        }
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        commonPasswords = readCommonPasswords();
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

    /**
     * What is wrong with a new password, in words for its owner; empty when it passes the policy.
     *
     * @param name the person's name, which the password may not be
     * @param email the person's address, which the password may not be
     */
    public Optional<String> weakness(String password, String name, String email) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            return Optional.of("Choose a password of at least " + MINIMUM_LENGTH + " characters.");
        }
        if (password.length() > MAXIMUM_LENGTH) {
            return Optional.of("Choose a password of at most " + MAXIMUM_LENGTH + " characters.");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (commonPasswords.contains(folded)) {
            return Optional.of("That password is on the lists that attackers try first. Choose another one.");
        }
        if (folded.equals(lower(name)) || folded.equals(lower(email))) {
            return Optional.of("Your password must not be your name or your email address.");
        }
        return Optional.empty();
    }

    private static String lower(String text) {
        return text == null ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    private static Set<String> readCommonPasswords() {
        try (InputStream in = Passwords.class.getResourceAsStream("/identity/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("identity/common-passwords.txt is missing from the WAR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
