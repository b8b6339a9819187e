package org.mirrorwatch.registry.entity;

import org.mirrorwatch.platform.InvalidValueException;
import org.mirrorwatch.platform.LaunchpadNames;

/** A mirror's unique short name, as used in URLs: lower-case letters, digits, "+", "." and "-". */
public record MirrorName(String value) {

    public MirrorName {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("Enter a name for the mirror, e.g. mirror.example.org.");
        }
        if (value.length() > LaunchpadNames.MAX_LENGTH) {
            throw new InvalidValueException("The name can be at most " + LaunchpadNames.MAX_LENGTH + " characters long.");
        }
        if (!LaunchpadNames.isValid(value)) {
            throw new InvalidValueException("The name must be at least two characters: lower-case letters,"
                    + " digits, \"+\", \".\" and \"-\", starting with a letter or digit, e.g. mirror.example.org.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
