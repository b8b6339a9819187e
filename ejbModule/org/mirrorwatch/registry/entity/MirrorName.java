package org.mirrorwatch.registry.entity;

import java.util.regex.Pattern;
import org.mirrorwatch.platform.InvalidValueException;

/** A mirror's unique short name, as used in URLs: lower-case letters, digits, "+", "." and "-". */
public record MirrorName(String value) {

    /** Launchpad's name rule. */
    public static final Pattern PATTERN = Pattern.compile("^[a-z0-9][a-z0-9+.-]+$");
    public static final int MAX_LENGTH = 64;

    public MirrorName {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("Enter a name for the mirror, e.g. mirror.example.org.");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("The name can be at most " + MAX_LENGTH + " characters long.");
        }
        if (!PATTERN.matcher(value).matches()) {
            throw new InvalidValueException("The name must be at least two characters: lower-case letters,"
                    + " digits, \"+\", \".\" and \"-\", starting with a letter or digit, e.g. mirror.example.org.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
