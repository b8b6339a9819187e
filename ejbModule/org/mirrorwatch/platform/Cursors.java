package org.mirrorwatch.platform;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.PlainText;

/**
 * The opaque cursors of paged lists, in the API and on the console's pages: the key to continue after,
 * Base64url-encoded, so clients pass them back unchanged and never build them.
 */
public final class Cursors {

    private static final String VERSION = "1:";

    private Cursors() {
    }

    public static String encode(String after) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + after).getBytes(StandardCharsets.UTF_8));
    }

    /** The key in a cursor; null for no cursor (the first page). */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (text.startsWith(VERSION) && PlainText.forbiddenCharacter(text, PlainText.Lines.ONE).isEmpty()) {
                return text.substring(VERSION.length());
            }
        } catch (IllegalArgumentException e) {
            // reported below, as any other unreadable cursor
        }
        throw new InvalidInputException("cursor", "The cursor is not one this API gave out; pass the \"next\""
                + " of the previous page unchanged, or leave it out for the first page.");
    }

    /**
     * One key of several parts, for a list ordered by more than one column (a sort key, then the name that
     * breaks ties). Each part may hold any text; the key is one printable line, so {@link #encode} takes it.
     */
    public static String join(String... parts) {
        return Arrays.stream(parts).map(part -> Base64.getUrlEncoder().withoutPadding()
                .encodeToString(part.getBytes(StandardCharsets.UTF_8))).collect(Collectors.joining("."));
    }

    /**
     * The parts of a key that {@link #join} made.
     *
     * @throws InvalidInputException for the {@code cursor} when the key does not have that many parts
     */
    public static List<String> split(String key, int count) {
        String[] parts = key.split("\\.", -1);
        if (parts.length == count) {
            try {
                return Arrays.stream(parts).map(part -> new String(Base64.getUrlDecoder().decode(part),
                        StandardCharsets.UTF_8)).toList();
            } catch (IllegalArgumentException e) {
                // reported below, as a key of the wrong shape
            }
        }
        throw new InvalidInputException("cursor", "The cursor does not belong to this list or this order; pass the"
                + " \"next\" of the previous page unchanged, or leave it out for the first page.");
    }
}
