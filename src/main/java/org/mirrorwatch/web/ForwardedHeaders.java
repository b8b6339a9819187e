package org.mirrorwatch.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.IpLiterals;

/**
 * Reads the hops that proxies record in {@code X-Forwarded-For} and in RFC 7239's {@code Forwarded}, the
 * client first and the nearest proxy last. Strict: an element that is not an address (or, in
 * {@code Forwarded}, "unknown" or an obfuscated "_name") makes the whole header wrong, and so do more
 * than {@value #MAX_LENGTH} characters or {@value #MAX_HOPS} hops. Addresses are read as literals; no name
 * is ever looked up.
 */
public final class ForwardedHeaders {

    public static final String X_FORWARDED_FOR = "X-Forwarded-For";
    public static final String FORWARDED = "Forwarded";
    public static final int MAX_LENGTH = 2048;
    public static final int MAX_HOPS = 20;

    /** One hop of the chain: its address, or empty when the proxy did not say it ("unknown", "_hidden"). */
    public record Hop(Optional<InetAddress> address) {

        static final Hop UNKNOWN = new Hop(Optional.empty());

        static Hop of(InetAddress address) {
            return new Hop(Optional.of(address));
        }
    }

    private ForwardedHeaders() {
    }

    /**
     * The hops of an {@code X-Forwarded-For} value: comma-separated addresses, IPv6 bare or in brackets,
     * each maybe with a port (dropped): {@code 192.0.2.1, 2001:db8::1, [2001:db8::2]:443, 198.51.100.7:5678}.
     * "unknown", which some proxies write, is an unknown hop.
     *
     * @throws InvalidInputException for the field X-Forwarded-For, saying what is wrong
     */
    public static List<Hop> parseXForwardedFor(String value) {
        checkLength(X_FORWARDED_FOR, value);
        List<Hop> hops = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String element = part.strip();
            if (hops.size() == MAX_HOPS) {
                throw wrong(X_FORWARDED_FOR, "it names more than " + MAX_HOPS + " hops.");
            }
            hops.add(xForwardedForHop(element));
        }
        return List.copyOf(hops);
    }

    private static Hop xForwardedForHop(String element) {
        if (element.equalsIgnoreCase("unknown")) {
            return Hop.UNKNOWN;
        }
        String address = element;
        if (element.startsWith("[")) {
            int close = element.indexOf(']');
            if (close < 0 || (close + 1 < element.length() && !isPort(element, close + 1))) {
                throw notAnAddress(X_FORWARDED_FOR, element);
            }
            address = element.substring(1, close);
            if (address.indexOf(':') < 0) {
                throw notAnAddress(X_FORWARDED_FOR, element);
            }
        } else {
            int colon = element.indexOf(':');
            if (colon >= 0 && colon == element.lastIndexOf(':') && isPort(element, colon)) {
                address = element.substring(0, colon); // IPv4 with a port: one colon only
                if (address.indexOf('.') < 0) {
                    throw notAnAddress(X_FORWARDED_FOR, element);
                }
            }
        }
        return Hop.of(IpLiterals.parse(address).orElseThrow(() -> notAnAddress(X_FORWARDED_FOR, element)));
    }

    /**
     * The hops of a {@code Forwarded} value: comma-separated elements of semicolon-separated pairs, such as
     * {@code for=192.0.2.60;proto=http;by=203.0.113.43, for="[2001:db8:cafe::17]:4711"}. An element's
     * {@code for} is an IPv4 address, an IPv6 address in brackets (and so in quotes), "unknown" or an
     * obfuscated "_name", each maybe with a port; an element without {@code for} is an unknown hop.
     *
     * @throws InvalidInputException for the field Forwarded, saying what is wrong
     */
    public static List<Hop> parseForwarded(String value) {
        checkLength(FORWARDED, value);
        List<Hop> hops = new ArrayList<>();
        Cursor cursor = new Cursor(value);
        while (true) {
            if (hops.size() == MAX_HOPS) {
                throw wrong(FORWARDED, "it names more than " + MAX_HOPS + " hops.");
            }
            hops.add(forwardedElement(cursor));
            cursor.skipSpaces();
            if (cursor.atEnd()) {
                return List.copyOf(hops);
            }
            cursor.expect(',');
        }
    }

    /** One element: pairs up to the next comma outside quotes. */
    private static Hop forwardedElement(Cursor cursor) {
        cursor.skipSpaces();
        List<String> names = new ArrayList<>();
        Hop hop = Hop.UNKNOWN;
        while (true) {
            String name = cursor.token().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw wrong(FORWARDED, "each element must be pairs such as for=192.0.2.1, separated by \";\" (at"
                        + " character " + (cursor.position + 1) + ").");
            }
            if (names.contains(name)) {
                throw wrong(FORWARDED, "an element names \"" + name + "\" twice.");
            }
            names.add(name);
            cursor.expect('=');
            String pairValue = cursor.peek() == '"' ? cursor.quoted() : cursor.token();
            if (pairValue.isEmpty()) {
                throw wrong(FORWARDED, "\"" + name + "\" has no value.");
            }
            if (name.equals("for")) {
                hop = forwardedNode(pairValue);
            }
            cursor.skipSpaces();
            if (cursor.peek() != ';') {
                return hop;
            }
            cursor.position++;
            cursor.skipSpaces();
        }
    }

    /** RFC 7239's node: an address, "unknown" or "_obfuscated", then maybe ":port" or ":_obfuscated". */
    private static Hop forwardedNode(String node) {
        String name = node;
        int portColon;
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            if (close < 0) {
                throw notAnAddress(FORWARDED, node);
            }
            portColon = close + 1 < node.length() ? close + 1 : -1;
            name = node.substring(0, close + 1);
        } else {
            portColon = node.indexOf(':');
            name = portColon < 0 ? node : node.substring(0, portColon);
        }
        if (portColon >= 0 && !(isPort(node, portColon) || node.charAt(portColon) == ':' && isObfuscated(node, portColon + 1))) {
            throw notAnAddress(FORWARDED, node);
        }
        if (name.equalsIgnoreCase("unknown") || isObfuscated(name, 0)) {
            return Hop.UNKNOWN;
        }
        if (name.startsWith("[")) {
            String inside = name.substring(1, name.length() - 1);
            if (inside.indexOf(':') < 0) {
                throw notAnAddress(FORWARDED, node);
            }
            return Hop.of(IpLiterals.parse(inside).orElseThrow(() -> notAnAddress(FORWARDED, node)));
        }
        if (IpLiterals.ipv4(name) < 0) {
            throw notAnAddress(FORWARDED, node);
        }
        return Hop.of(IpLiterals.parse(name).orElseThrow(() -> notAnAddress(FORWARDED, node)));
    }

    /** Whether the text from this colon on is ":" and a port, 1 to 5 digits up to 65535. */
    private static boolean isPort(String text, int colon) {
        if (text.charAt(colon) != ':') {
            return false;
        }
        String digits = text.substring(colon + 1);
        return digits.matches("[0-9]{1,5}") && Integer.parseInt(digits) <= 65535;
    }

    /** Whether the text from here on is RFC 7239's obfuscated identifier: "_" and letters, digits, ".", "_", "-". */
    private static boolean isObfuscated(String text, int from) {
        return text.length() > from + 1 && text.charAt(from) == '_'
                && text.substring(from + 1).matches("[A-Za-z0-9._-]+");
    }

    private static void checkLength(String field, String value) {
        if (value.length() > MAX_LENGTH) {
            throw wrong(field, "it is longer than " + MAX_LENGTH + " characters.");
        }
    }

    private static InvalidInputException notAnAddress(String field, String element) {
        return wrong(field, "\"" + printable(element) + "\" is not an IP address (IPv6 in brackets"
                + (field.equals(FORWARDED) ? " and quotes" : " or bare") + ", a port may follow).");
    }

    private static InvalidInputException wrong(String field, String what) {
        return new InvalidInputException(field, "The header from the proxy is malformed: " + what);
    }

    private static String printable(String text) {
        return org.mirrorwatch.platform.PlainText.printable(text, 60);
    }

    /** A position in a Forwarded value, with RFC 7230's token and quoted-string. */
    private static final class Cursor {

        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        char peek() {
            return atEnd() ? '\0' : text.charAt(position);
        }

        void skipSpaces() {
            while (!atEnd() && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
                position++;
            }
        }

        void expect(char c) {
            if (peek() != c) {
                throw wrong(FORWARDED, (atEnd() ? "it ends" : "\"" + printable(String.valueOf(peek())) + "\" stands")
                        + " where \"" + c + "\" belongs (at character " + (position + 1) + ").");
            }
            position++;
        }

        String token() {
            int start = position;
            while (!atEnd() && isTokenChar(text.charAt(position))) {
                position++;
            }
            return text.substring(start, position);
        }

        String quoted() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw wrong(FORWARDED, "a quoted value has no closing quote.");
                }
                char c = text.charAt(position++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (atEnd()) {
                        throw wrong(FORWARDED, "a quoted value has no closing quote.");
                    }
                    c = text.charAt(position++);
                }
                if (c < 0x20 && c != '\t' || c == 0x7f || c > 0xff) {
                    throw wrong(FORWARDED, "a quoted value holds a control character.");
                }
                value.append(c);
            }
        }

        /** RFC 7230's tchar. */
        private static boolean isTokenChar(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
    }
}
