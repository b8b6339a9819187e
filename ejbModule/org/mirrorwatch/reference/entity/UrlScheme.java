package org.mirrorwatch.reference.entity;

import java.util.Locale;

/** The protocols a mirror can be reached by, one URL field each. */
public enum UrlScheme {
    /** Plain HTTP. */
    HTTP("HTTP"),
    /** HTTP over TLS. */
    HTTPS("HTTPS"),
    /** FTP. */
    FTP("FTP"),
    /** rsync, for other mirrors to sync from. */
    RSYNC("rsync");

    private final String title;

    UrlScheme(String title) {
        this.title = title;
    }

    /** The scheme as it starts a URL, e.g. "https". */
    public String scheme() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String title() {
        return title;
    }

    /** An example of a good URL of this scheme, for error messages. */
    public String example() {
        return scheme() + "://mirror.example.org/ubuntu/";
    }
}
