package org.mirrorwatch.probing.control;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a round is cut into claims, and how many an instance holds at once. Pure: the claim store and the
 * participant use it, and a unit test checks it.
 */
final class HostClaims {

    private HostClaims() {
    }

    /**
     * The host a mirror's politeness is counted by, as the HTTP client's scheduler names it: host and port,
     * the scheme's port when the URL names none.
     */
    static String hostOf(String baseUrl) {
        URI uri = URI.create(baseUrl);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort()
                : switch (scheme) {
                    case "https" -> 443;
                    case "ftp" -> 21;
                    default -> 80;
                };
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** The mirrors grouped by host, each host in the order its first mirror came, each host's mirrors in order. */
    static Map<String, List<Long>> byHost(Map<Long, String> baseUrls) {
        Map<String, List<Long>> claims = new LinkedHashMap<>();
        baseUrls.forEach((mirrorId, url) -> claims.computeIfAbsent(hostOf(url), host -> new ArrayList<>()).add(mirrorId));
        return claims;
    }

    /**
     * The claims (hosts) a participant holds at once: twice as many as it takes to fill the overall limit
     * with hosts at their per-host limit, so the overall limit stays the one that binds even while some
     * hosts wait on slow answers or are nearly done, and yet a round of many hosts leaves claims in the
     * queue for the other instances.
     */
    static int capacity(int perHost, int overall) {
        if (perHost < 1 || overall < perHost) {
            throw new IllegalArgumentException("limits " + perHost + " per host, " + overall + " overall");
        }
        return 2 * ((overall + perHost - 1) / perHost);
    }
}
