package org.mirrorwatch.registry.entity;

import org.mirrorwatch.reference.entity.MirrorUrl;
import org.mirrorwatch.reference.entity.UrlScheme;

import java.util.Optional;
import org.mirrorwatch.platform.InvalidValueException;

/**
 * The base URLs of a mirror, one per scheme. A mirror must be downloadable: it needs an HTTP, HTTPS or
 * FTP URL; rsync alone is not enough.
 */
public record MirrorUrls(MirrorUrl http, MirrorUrl https, MirrorUrl ftp, MirrorUrl rsync) {

    public MirrorUrls {
        requireScheme(http, UrlScheme.HTTP);
        requireScheme(https, UrlScheme.HTTPS);
        requireScheme(ftp, UrlScheme.FTP);
        requireScheme(rsync, UrlScheme.RSYNC);
        if (http == null && https == null && ftp == null) {
            throw new InvalidValueException("A mirror needs an HTTP, HTTPS or FTP URL, so that machines can download"
                    + " from it, e.g. http://mirror.example.org/ubuntu/.");
        }
    }

    private static void requireScheme(MirrorUrl url, UrlScheme scheme) {
        if (url != null && url.scheme() != scheme) {
            throw new IllegalArgumentException(url + " is not an " + scheme.title() + " URL");
        }
    }

    public static MirrorUrls http(String httpBaseUrl) {
        return new MirrorUrls(MirrorUrl.of(UrlScheme.HTTP, httpBaseUrl), null, null, null);
    }

    /** The URL to download and probe from: HTTPS when there is one, then HTTP, then FTP. */
    public MirrorUrl download() {
        return https != null ? https : http != null ? http : ftp;
    }

    /** The URL a web client uses, HTTPS before HTTP; empty for an FTP-only mirror. */
    public Optional<MirrorUrl> web() {
        return Optional.ofNullable(https != null ? https : http);
    }
}
