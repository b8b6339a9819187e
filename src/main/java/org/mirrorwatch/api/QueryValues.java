package org.mirrorwatch.api;

import java.util.List;
import java.util.Locale;
import org.mirrorwatch.platform.InvalidInputException;

/**
 * Query parameters read as text and checked here: JAX-RS would answer a bad enum value with a bare 404,
 * where a client needs a 400 that names the parameter and its choices.
 */
final class QueryValues {

    private QueryValues() {
    }

    /** The constant the text names, in any case; null for no text. */
    static <E extends Enum<E>> E enumValue(Class<E> type, String text, String parameter) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw new InvalidInputException(parameter, "Choose " + parameter + " from " + List.of(type.getEnumConstants())
                + ".");
    }

    /** true or false, in any case; null for no text. */
    static Boolean booleanValue(String text, String parameter) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidInputException(parameter, "Give " + parameter + " as true or false.");
        };
    }
}
