package org.mirrorwatch.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The plain-text mail templates in /notification, with {{name}} placeholders. */
public final class MailTemplates {

    private MailTemplates() {
    }

    public static String fill(String template, Map<String, String> values) {
        String text = read(template);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return text;
    }

    /** The base URL, ready for a path that starts with a slash. */
    public static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String read(String template) {
        try (InputStream in = MailTemplates.class.getResourceAsStream("/notification/" + template)) {
            if (in == null) {
                throw new IllegalStateException("The mail template " + template + " is missing from the WAR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
