package org.mirrorwatch.platform;

import java.util.Optional;

/**
 * The rule every free text from outside follows before it is stored: a bounded length, and no
 * characters that have no business in it. PostgreSQL cannot store NUL at all; the other control
 * characters, unpaired surrogates and the bidirectional overrides make names that print differently from
 * what they are. Line breaks and tabs are allowed only where the text may span lines.
 */
public final class PlainText {

    /** Whether the text may span lines (a description, a whiteboard) or not (a name, a title). */
    public enum Lines {
        /** A name or a title: no line breaks, no tabs. */
        ONE,
        /** Prose: line breaks and tabs are kept. */
        MANY
    }

    private PlainText() {
    }

    /**
     * What is wrong with the text, in words for the person who typed it, or empty when it may be stored.
     * The length counts characters as people count them (code points), after stripping.
     */
    public static Optional<String> problem(String text, int maxLength, Lines lines) {
        String stripped = text.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length > maxLength) {
            return Optional.of(String.format(java.util.Locale.ROOT, "Use at most %,d characters; this has %,d.",
                    maxLength, length));
        }
        return forbiddenCharacter(stripped, lines);
    }

    /**
     * The first character that may not appear in text of this kind, described for the person who typed
     * it, e.g. "Remove the control character U+0000 (at character 5).", or empty.
     */
    public static Optional<String> forbiddenCharacter(String text, Lines lines) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    return Optional.of("Remove the broken character (an unpaired surrogate) at character " + (i + 1)
                            + ".");
                }
                i++;
                continue;
            }
            if (lines == Lines.MANY && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.getType(c) == Character.CONTROL || isBidiControl(c) || c == '\u2028' || c == '\u2029') {
                return Optional.of(String.format(java.util.Locale.ROOT,
                        "Remove the control character U+%04X (at character %d).", (int) c, i + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * The stripped text, or null for none (null or blank).
     *
     * @throws InvalidValueException when the text breaks the rule
     */
    public static String optional(String text, int maxLength, Lines lines) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Optional<String> problem = problem(text, maxLength, lines);
        if (problem.isPresent()) {
            throw new InvalidValueException(problem.get());
        }
        return text.strip();
    }

    /**
     * Text from outside as a message or a log line may repeat it: at most {@code maxLength} characters
     * (then "…"), with control characters and unpaired surrogates shown as "?", so it stays one line.
     */
    public static String printable(String text, int maxLength) {
        String cut = text == null ? "" : text.length() > maxLength ? text.substring(0, maxLength) + "…" : text;
        return cut.codePoints().map(c -> Character.isISOControl(c) || Character.isSurrogate((char) c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** Embedding, override and isolate controls: they reorder how the text around them is shown. */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E'
                || c == '\u200F' || c == '\u061C';
    }
}
