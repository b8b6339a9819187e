package org.mirrorwatch.api;

import java.util.List;
import java.util.Locale;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.registry.boundary.MirrorSort;

/**
 * The one converter of query parameters: resources take every parameter as text and parse it here, since
 * JAX-RS answers a parameter it cannot convert (a bad number, a bad enum value) with a bare 404, where a
 * client needs a 400 that names the parameter and what it takes. {@link QueryParameterRules} has already
 * bounded each value's length and refused control characters.
 */
final class QueryValues {

    private QueryValues() {
    }

    /** The constant the text names, in any case but without spaces around it; null for no text. */
    static <E extends Enum<E>> E enumValue(Class<E> type, String text, String parameter) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text.toUpperCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw new InvalidInputException(parameter, "Choose " + parameter + " from " + List.of(type.getEnumConstants())
                + ".");
    }

    /**
     * A whole number from {@code min} to {@code max}, written in decimal digits only (no sign, exponent,
     * fraction or spaces inside), or {@code fallback} for no text.
     */
    static int intValue(String text, String parameter, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String digits = text;
        String range = "Give " + parameter + " as a whole number from " + min + " to " + max + ".";
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException(parameter, range);
        }
        long value = Long.parseLong(digits);
        if (value < min || value > max) {
            throw new InvalidInputException(parameter, range);
        }
        return (int) value;
    }

    /** The order of the mirror list, written exactly as {@link MirrorSort#token()} does; by name for no text. */
    static MirrorSort sort(String text) {
        if (text == null || text.isBlank()) {
            return MirrorSort.BY_NAME;
        }
        return MirrorSort.parse(text).orElseThrow(() -> new InvalidInputException("sort",
                "Choose sort from " + MirrorSort.tokens() + "."));
    }

    /** The stripped text, or null for none. Length and characters were checked for every parameter. */
    static String text(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** true or false, in any case but without spaces around them; null for no text. */
    static Boolean booleanValue(String text, String parameter) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidInputException(parameter, "Give " + parameter + " as true or false.");
        };
    }
}
