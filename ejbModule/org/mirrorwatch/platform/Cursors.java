package org.mirrorwatch.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
}
