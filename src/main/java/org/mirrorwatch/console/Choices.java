package org.mirrorwatch.console;

/** Choices read from a page's GET parameters, where a value the page never offered means "no choice". */
final class Choices {

    private Choices() {
    }

    /** The constant named exactly by the text; null for no text or a name that is not one. */
    static <E extends Enum<E>> E enumOrNull(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        return null;
    }
}
