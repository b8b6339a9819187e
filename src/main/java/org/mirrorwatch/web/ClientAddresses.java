package org.mirrorwatch.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mirrorwatch.platform.AddressGuard.Cidr;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.IpLiterals;
import org.mirrorwatch.web.ForwardedHeaders.Hop;

/**
 * Whose request it is: the address of the socket's peer, or, when that peer is one of the reverse proxies
 * in {@code mirrorwatch.client.trusted-proxies}, the address those proxies recorded. The hops of
 * {@code Forwarded} (or else {@code X-Forwarded-For}) are walked from the nearest backwards, and the first
 * that is not a trusted proxy is the client; a chain of trusted proxies only ends at its first hop. A hop
 * that a proxy left unknown ends the walk at the proxy that recorded it. Headers from any other peer are
 * ignored, unread: anyone can write them.
 */
@ApplicationScoped
public class ClientAddresses {

    static final String SETTING = "mirrorwatch.client.trusted-proxies";

    /** What stands for a peer whose address the server did not give as a literal (never seen in practice). */
    private static final InetAddress UNSPECIFIED = IpLiterals.parse("0.0.0.0").orElseThrow();

    @Inject
    @ConfigProperty(name = SETTING)
    Optional<String> trustedProxies;

    private List<Cidr> trusted = List.of();

    @PostConstruct
    void check() {
        trusted = parse(trustedProxies.orElse(""));
    }

    /** Reads the setting at deployment, so a wrong CIDR stops it rather than the first request. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // The @PostConstruct above has run by now.
    }

    /**
     * The client's address.
     *
     * @throws InvalidInputException when a trusted proxy sent a malformed Forwarded or X-Forwarded-For (a 400
     *     that names the header)
     */
    public InetAddress clientOf(HttpServletRequest request) {
        InetAddress peer = peerOf(request.getRemoteAddr());
        if (!isTrusted(peer)) {
            return peer;
        }
        return clientOf(peer, joined(request.getHeaders(ForwardedHeaders.FORWARDED)),
                joined(request.getHeaders(ForwardedHeaders.X_FORWARDED_FOR)));
    }

    /**
     * The client's address for a log line; never throws: with a malformed header from a trusted proxy, the
     * proxy's address and a word about the header.
     */
    public String describe(HttpServletRequest request) {
        try {
            return clientOf(request).getHostAddress();
        } catch (InvalidInputException e) {
            return request.getRemoteAddr() + " (a trusted proxy, whose " + e.getErrors().get(0).field()
                    + " header is malformed)";
        }
    }

    /** The client behind a peer: {@code forwarded} and {@code xForwardedFor} are the headers' values, or null. */
    InetAddress clientOf(InetAddress peer, String forwarded, String xForwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<Hop> hops = forwarded != null ? ForwardedHeaders.parseForwarded(forwarded)
                : xForwardedFor != null ? ForwardedHeaders.parseXForwardedFor(xForwardedFor) : List.of();
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = hops.get(i).address();
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get();
            if (!isTrusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr cidr : trusted) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The peer's address as the server gives it: a literal, an IPv6 one maybe with a zone ("%0"). */
    private static InetAddress peerOf(String remoteAddr) {
        if (remoteAddr == null) {
            return UNSPECIFIED;
        }
        String literal = remoteAddr.startsWith("[") && remoteAddr.endsWith("]")
                ? remoteAddr.substring(1, remoteAddr.length() - 1) : remoteAddr;
        int zone = literal.indexOf('%');
        return IpLiterals.parse(zone < 0 ? literal : literal.substring(0, zone)).orElse(UNSPECIFIED);
    }

    /** A header's field lines as one value, as RFC 9110 has it: joined by commas. Null when there are none. */
    private static String joined(Enumeration<String> lines) {
        if (lines == null || !lines.hasMoreElements()) {
            return null;
        }
        List<String> all = new ArrayList<>(Collections.list(lines));
        return all.size() == 1 ? all.get(0) : String.join(", ", all);
    }

    static List<Cidr> parse(String setting) {
        List<Cidr> cidrs = new ArrayList<>();
        for (String part : setting.split(",")) {
            if (!part.isBlank()) {
                try {
                    cidrs.add(Cidr.parse(part.strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("The setting " + SETTING + " is wrong: " + e.getMessage(), e);
                }
            }
        }
        return List.copyOf(cidrs);
    }
}
