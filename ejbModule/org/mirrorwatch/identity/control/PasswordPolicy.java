package org.mirrorwatch.identity.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be: long enough, not on the short list of passwords that attackers try first,
 * and not the person's own name or address. Length beats composition rules, as NIST SP 800-63B says.
 */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 10;
    /** Longer passwords only cost hashing time; nobody types more. */
    public static final int MAXIMUM_LENGTH = 200;

    private static final Set<String> COMMON_PASSWORDS = readCommonPasswords();

    private PasswordPolicy() {
    }

    /**
     * What is wrong with a new password, in words for its owner; empty when it passes.
     *
     * @param name the person's name, which the password may not be
     * @param email the person's address, which the password may not be
     */
    public static Optional<String> weakness(String password, String name, String email) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            return Optional.of("Choose a password of at least " + MINIMUM_LENGTH + " characters.");
        }
        if (password.length() > MAXIMUM_LENGTH) {
            return Optional.of("Choose a password of at most " + MAXIMUM_LENGTH + " characters.");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (COMMON_PASSWORDS.contains(folded)) {
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
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt")) {
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
