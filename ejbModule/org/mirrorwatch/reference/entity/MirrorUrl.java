package org.mirrorwatch.reference.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.mirrorwatch.platform.InvalidValueException;

/**
 * A mirror's base URL. It has the scheme of its field and a host, no user info, query or fragment, and it
 * always ends in "/", so that relative paths such as {@code dists/hoary/Release} resolve below it. The
 * scheme and host are lower-cased, so the uniqueness of URLs is not defeated by case.
 */
public final class MirrorUrl {

    public static final int MAX_LENGTH = 500;

    private final UrlScheme scheme;
    private final String value;

    private MirrorUrl(UrlScheme scheme, String value) {
        this.scheme = scheme;
        this.value = value;
    }

    /** Parses a URL typed into the field of {@code scheme}. */
    public static MirrorUrl of(UrlScheme scheme, String raw) {
        String example = " e.g. " + scheme.example();
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("Enter the " + scheme.title() + " URL," + example);
        }
        String trimmed = raw.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidValueException("The " + scheme.title() + " URL can be at most " + MAX_LENGTH
                    + " characters long.");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidValueException("The " + scheme.title() + " URL is not a valid URL (" + e.getReason()
                    + ")." + " Write it like" + example);
        }
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase(scheme.scheme())) {
            throw new InvalidValueException("The " + scheme.title() + " URL must start with " + scheme.scheme()
                    + "://," + example);
        }
        if (uri.getRawAuthority() != null && uri.getRawUserInfo() != null) {
            throw new InvalidValueException("The " + scheme.title()
                    + " URL must not contain a user name or password.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidValueException("The " + scheme.title() + " URL must name a host," + example);
        }
        if (uri.getRawQuery() != null) {
            throw new InvalidValueException("The " + scheme.title() + " URL must not have a query (\"?…\").");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidValueException("The " + scheme.title() + " URL must not have a fragment (\"#…\").");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            throw new InvalidValueException("The " + scheme.title() + " URL's port must be from 1 to 65535.");
        }
        String hostProblem = hostProblem(uri.getHost());
        if (hostProblem != null) {
            throw new InvalidValueException("The " + scheme.title() + " URL " + hostProblem);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return new MirrorUrl(scheme, scheme.scheme() + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path);
    }

    /**
     * Why the host cannot be a mirror's, or null. An address must be written as four decimal numbers or
     * in brackets for IPv6: other spellings (2130706433, 0x7f000001, 0177.0.0.1) mean different addresses
     * to different resolvers, and a zone index names an interface of our own machine. Whether the address
     * or name may be probed is the prober's address guard's call ({@code ProbedAddresses}).
     */
    static String hostProblem(String host) {
        String bare = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (bare.startsWith("[")) {
            return bare.contains("%") ? "must not name a network interface (\"%\" in the address)." : null;
        }
        String lastLabel = bare.substring(bare.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        boolean numeric = !lastLabel.isEmpty() && (lastLabel.chars().allMatch(Character::isDigit)
                || lastLabel.matches("0x[0-9a-f]*"));
        if (numeric && !CANONICAL_IPV4.matcher(bare).matches()) {
            return "has an address written in a way resolvers read differently; write it as four decimal"
                    + " numbers such as 192.0.2.10, or better, give the host name.";
        }
        return null;
    }

    private static final java.util.regex.Pattern CANONICAL_IPV4 = java.util.regex.Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    /** The host, as written in the URL: a name, a dotted IPv4 address, or an IPv6 address in brackets. */
    public String host() {
        return URI.create(value).getHost();
    }

    /** Parses an optional field: blank means "no URL of this scheme". */
    public static MirrorUrl optional(UrlScheme scheme, String raw) {
        return raw == null || raw.isBlank() ? null : of(scheme, raw);
    }

    public UrlScheme scheme() {
        return scheme;
    }

    /** The normalized URL, ending in "/". */
    public String value() {
        return value;
    }

    /** The URL of a path relative to this base, e.g. {@code pool/main/p/pmount/pmount_1.9-1_all.deb}. */
    public String resolve(String relativePath) {
        return value + (relativePath.startsWith("/") ? relativePath.substring(1) : relativePath);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MirrorUrl url && value.equals(url.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
