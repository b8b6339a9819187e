package org.mirrorwatch.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Reads an IP address written as a literal, and only a literal: {@code InetAddress.getByName} looks a name
 * up in the DNS, so text from outside (a header, a setting, a data file) must be checked here first. IPv4
 * is four decimal parts without leading zeros (which some readers take for octal); IPv6 is the text form of
 * RFC 4291, without brackets and without a zone ("%eth0").
 */
public final class IpLiterals {

    /** The longest IPv6 literal: eight groups of four, or six and an IPv4 tail. */
    private static final int LONGEST = 45;

    private IpLiterals() {
    }

    /** The address this text writes, or empty when it is not an IPv4 or IPv6 literal. Never resolves. */
    public static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > LONGEST) {
            return Optional.empty();
        }
        if (text.indexOf(':') < 0) {
            long ipv4 = ipv4(text);
            if (ipv4 < 0) {
                return Optional.empty();
            }
            byte[] bytes = {(byte) (ipv4 >>> 24), (byte) (ipv4 >>> 16), (byte) (ipv4 >>> 8), (byte) ipv4};
            try {
                return Optional.of(InetAddress.getByAddress(bytes));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0 && c < 0x80)) {
                return Optional.empty();
            }
        }
        try {
            // Safe: a text with a colon is only ever parsed as an IPv6 literal, never looked up.
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * The value of an IPv4 literal such as "192.0.2.1" as an unsigned 32-bit number, or -1 when the text is
     * not one. Allocates nothing, for readers of large data files.
     */
    public static long ipv4(CharSequence text) {
        int length = text.length();
        long value = 0;
        int parts = 0;
        int i = 0;
        while (parts < 4) {
            int start = i;
            int part = 0;
            while (i < length && i - start < 3) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                part = part * 10 + (c - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || part > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return -1;
            }
            value = (value << 8) | part;
            parts++;
            if (parts < 4) {
                if (i >= length || text.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == length ? value : -1;
    }
}
