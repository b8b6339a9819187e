package org.mirrorwatch.platform;

import java.util.regex.Pattern;

/**
 * Launchpad's rule for the names of people, mirrors, distributions, series and components: two to 64
 * lower-case letters, digits, "+", "." and "-", starting with a letter or digit. Such a name is safe in
 * URLs and paths without escaping.
 */
public final class LaunchpadNames {

    public static final Pattern PATTERN = Pattern.compile("^[a-z0-9][a-z0-9+.-]+$");
    public static final int MAX_LENGTH = 64;

    private LaunchpadNames() {
    }

    public static boolean isValid(String name) {
        return name != null && name.length() <= MAX_LENGTH && PATTERN.matcher(name).matches();
    }
}
