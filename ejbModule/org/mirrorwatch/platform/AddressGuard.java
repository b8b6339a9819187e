package org.mirrorwatch.platform;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps probes off addresses that are not the public internet: loopback, private (RFC 1918, fc00::/7),
 * shared (RFC 6598), link-local (with the cloud metadata address 169.254.169.254), multicast and
 * unspecified. Mirror URLs come from the public, so without this a mirror could make Mirrorwatch probe
 * the machines around it. An address of a blocked class passes only inside an allowed CIDR.
 */
public final class AddressGuard {

    private static final byte[] METADATA = {(byte) 169, (byte) 254, (byte) 169, (byte) 254};

    private final List<Cidr> allowed;

    private AddressGuard(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** A guard that lets these CIDRs through, e.g. "127.0.100.0/24"; blank entries are ignored. */
    public static AddressGuard allowing(List<String> cidrs) {
        List<Cidr> parsed = new ArrayList<>();
        for (String cidr : cidrs) {
            if (!cidr.isBlank()) {
                parsed.add(Cidr.parse(cidr.strip()));
            }
        }
        return new AddressGuard(parsed);
    }

    /**
     * The class of address that makes this one refused, e.g. "a loopback", or empty when it may be
     * probed: public, or inside an allowed block.
     */
    public Optional<String> refusal(InetAddress address) {
        Optional<String> blockedAs = blockedClass(address);
        if (blockedAs.isEmpty() || allowed.stream().anyMatch(cidr -> cidr.contains(address))) {
            return Optional.empty();
        }
        return blockedAs;
    }

    /**
     * Why a request to {@code host} must not connect to {@code address}, in the words the probe log uses,
     * e.g. "localhost resolves to 127.0.0.1, a loopback address, which Mirrorwatch does not probe".
     */
    public Optional<String> refusal(String host, InetAddress address) {
        String ip = address.getHostAddress();
        return refusal(address).map(blockedAs -> (ip.equals(host) ? ip + " is " : host + " resolves to " + ip + ", ")
                + blockedAs + " address, which Mirrorwatch does not probe");
    }

    /**
     * Whether the address is on the public internet: not loopback, private, shared, link-local, multicast
     * or unspecified.
     */
    public static boolean isPublic(InetAddress address) {
        return blockedClass(address).isEmpty();
    }

    static Optional<String> blockedClass(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (java.util.Arrays.equals(bytes, METADATA)) {
            return Optional.of("the cloud metadata");
        }
        if (address.isAnyLocalAddress() || (bytes.length == 4 && bytes[0] == 0)) {
            return Optional.of("an unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private (RFC 1918)");
        }
        if (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc) {
            return Optional.of("a unique local (fc00::/7)");
        }
        if (bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64) {
            return Optional.of("a shared (RFC 6598)");
        }
        return Optional.empty();
    }

    /**
     * An address block, such as 10.0.0.0/8 or fd00::/8: the one way the application reads a CIDR from a
     * setting.
     */
    public record Cidr(byte[] network, int prefix) {

        /**
         * @throws IllegalArgumentException saying how to write a CIDR, when the text is not one (a name is
         *     never looked up)
         */
        public static Cidr parse(String text) {
            int slash = text.indexOf('/');
            Optional<InetAddress> network = slash < 0 ? Optional.empty() : IpLiterals.parse(text.substring(0, slash));
            String digits = slash < 0 ? "" : text.substring(slash + 1);
            if (network.isEmpty() || !digits.matches("[0-9]{1,3}")
                    || Integer.parseInt(digits) > network.get().getAddress().length * 8) {
                throw new IllegalArgumentException("\"" + text + "\" is not an address block; write it as a CIDR"
                        + " such as 10.0.0.0/8 or fd00::/8");
            }
            return new Cidr(network.get().getAddress(), Integer.parseInt(digits));
        }

        /** Whether the address lies in this block; an IPv4 address is never in an IPv6 block, nor back. */
        public boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
