package org.mirrorwatch.routing.control;

import java.io.IOException;
import java.io.Reader;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mirrorwatch.platform.IpLiterals;

/**
 * Address ranges and the AS number of each, from CSV files whose rows read
 * {@code first address,last address,AS number[,AS name]} (ip-location-db's asn-ipv4.csv and asn-ipv6.csv),
 * kept in sorted primitive arrays and searched by halving: about 12 bytes per IPv4 range and 36 per IPv6
 * range, and no allocation per lookup but the address's bytes. The rows of each address family must come
 * in address order; where a row starts inside the one before it, the later row wins and the earlier one is
 * cut short (the published IPv4 file has one such pair). A row that lies wholly inside another is refused.
 */
final class AsRanges implements AsDatabase {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** IPv4 ranges; the first and last addresses with their sign bit flipped, so signed order is address order. */
    private final int[] v4First;
    private final int[] v4Last;
    private final int[] v4As;
    /** IPv6 ranges; each address as two longs, high and low, sign bits flipped likewise. */
    private final long[] v6FirstHigh;
    private final long[] v6FirstLow;
    private final long[] v6LastHigh;
    private final long[] v6LastLow;
    private final int[] v6As;

    private AsRanges(Builder b) {
        v4First = Arrays.copyOf(b.v4First, b.v4Count);
        v4Last = Arrays.copyOf(b.v4Last, b.v4Count);
        v4As = Arrays.copyOf(b.v4As, b.v4Count);
        v6FirstHigh = Arrays.copyOf(b.v6FirstHigh, b.v6Count);
        v6FirstLow = Arrays.copyOf(b.v6FirstLow, b.v6Count);
        v6LastHigh = Arrays.copyOf(b.v6LastHigh, b.v6Count);
        v6LastLow = Arrays.copyOf(b.v6LastLow, b.v6Count);
        v6As = Arrays.copyOf(b.v6As, b.v6Count);
    }

    @Override
    public long autonomousSystem(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return ipv4(((bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff))
                    ^ Integer.MIN_VALUE);
        }
        return ipv6(longAt(bytes, 0) ^ Long.MIN_VALUE, longAt(bytes, 8) ^ Long.MIN_VALUE);
    }

    private long ipv4(int key) {
        int found = Arrays.binarySearch(v4First, key);
        int i = found >= 0 ? found : -found - 2;
        return i >= 0 && key <= v4Last[i] ? Integer.toUnsignedLong(v4As[i]) : 0;
    }

    private long ipv6(long high, long low) {
        // The last range whose first address is at most the key.
        int lo = 0;
        int hi = v6As.length - 1;
        int i = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(v6FirstHigh[mid], v6FirstLow[mid], high, low) <= 0) {
                i = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return i >= 0 && compare(high, low, v6LastHigh[i], v6LastLow[i]) <= 0 ? Integer.toUnsignedLong(v6As[i]) : 0;
    }

    int ipv4Ranges() {
        return v4As.length;
    }

    int ipv6Ranges() {
        return v6As.length;
    }

    /** The bytes of the arrays, the heap this table needs. */
    long bytes() {
        return 12L * v4As.length + 36L * v6As.length;
    }

    @Override
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%,d IPv4 and %,d IPv6 ranges, %.1f MB", ipv4Ranges(), ipv6Ranges(),
                bytes() / 1e6);
    }

    private static int compare(long high1, long low1, long high2, long low2) {
        return high1 != high2 ? Long.compare(high1, high2) : Long.compare(low1, low2);
    }

    private static long longAt(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = value << 8 | (bytes[i] & 0xff);
        }
        return value;
    }

    /** Reads CSV files one after the other; each may hold IPv4 rows, IPv6 rows, or both. */
    static final class Builder {

        private int[] v4First = new int[1024];
        private int[] v4Last = new int[1024];
        private int[] v4As = new int[1024];
        private int v4Count;
        private long[] v6FirstHigh = new long[1024];
        private long[] v6FirstLow = new long[1024];
        private long[] v6LastHigh = new long[1024];
        private long[] v6LastLow = new long[1024];
        private int[] v6As = new int[1024];
        private int v6Count;
        private long v4Line;
        private long v6Line;

        /**
         * Adds the rows of one file.
         *
         * @throws IOException naming the file and the line, when a row is not a range and an AS number, or
         *     the rows are not in address order
         */
        Builder read(Reader csv, String name) throws IOException {
            try (CSVParser parser = FORMAT.parse(csv)) {
                for (CSVRecord row : parser) {
                    add(row, name);
                }
            } catch (java.io.UncheckedIOException e) {
                // Commons CSV's word for malformed quoting, or a failed read.
                throw new IOException(name + " is not a CSV file: " + e.getCause().getMessage(), e.getCause());
            }
            return this;
        }

        AsRanges build() {
            return new AsRanges(this);
        }

        private void add(CSVRecord row, String name) throws IOException {
            long line = row.getRecordNumber();
            if (row.size() < 3) {
                throw wrong(name, line, "it has " + row.size() + " fields, not a first and a last address and an AS"
                        + " number");
            }
            long as = asNumber(row.get(2));
            if (as <= 0) {
                throw wrong(name, line, "\"" + row.get(2) + "\" is not an AS number");
            }
            String first = row.get(0);
            String last = row.get(1);
            long v4First = IpLiterals.ipv4(first);
            long v4Last = IpLiterals.ipv4(last);
            if (v4First >= 0 && v4Last >= 0) {
                addIpv4(v4First, v4Last, as, name, line);
                return;
            }
            Optional<InetAddress> firstAddress = IpLiterals.parse(first);
            Optional<InetAddress> lastAddress = IpLiterals.parse(last);
            if (firstAddress.isEmpty() || lastAddress.isEmpty()) {
                throw wrong(name, line, "\"" + (firstAddress.isEmpty() ? first : last) + "\" is not an IP address"
                        + " (the files whose ranges are numbers, such as asn-ipv4-num.csv, are not read: take"
                        + " asn-ipv4.csv and asn-ipv6.csv)");
            }
            if (firstAddress.get() instanceof Inet4Address a && lastAddress.get() instanceof Inet4Address b) {
                // IPv4-mapped IPv6 literals, such as ::ffff:192.0.2.0.
                addIpv4(IpLiterals.ipv4(a.getHostAddress()), IpLiterals.ipv4(b.getHostAddress()), as, name, line);
            } else if (firstAddress.get() instanceof Inet6Address a && lastAddress.get() instanceof Inet6Address b) {
                byte[] x = a.getAddress();
                byte[] y = b.getAddress();
                addIpv6(longAt(x, 0) ^ Long.MIN_VALUE, longAt(x, 8) ^ Long.MIN_VALUE, longAt(y, 0) ^ Long.MIN_VALUE,
                        longAt(y, 8) ^ Long.MIN_VALUE, as, name, line);
            } else {
                throw wrong(name, line, "its first and last addresses are of different families");
            }
        }

        private void addIpv4(long firstValue, long lastValue, long as, String name, long line) throws IOException {
            int first = (int) firstValue ^ Integer.MIN_VALUE;
            int last = (int) lastValue ^ Integer.MIN_VALUE;
            if (first > last) {
                throw wrong(name, line, "its first address comes after its last");
            }
            if (v4Count > 0) {
                int previous = v4Count - 1;
                if (first <= v4First[previous]) {
                    throw wrong(name, line, "the IPv4 rows are not in address order (see line " + v4Line + ")");
                }
                if (first <= v4Last[previous]) {
                    if (last <= v4Last[previous]) {
                        throw wrong(name, line, "its range lies inside the one of line " + v4Line);
                    }
                    v4Last[previous] = first - 1;
                }
            }
            if (v4Count == v4As.length) {
                int size = v4Count * 2;
                v4First = Arrays.copyOf(v4First, size);
                v4Last = Arrays.copyOf(v4Last, size);
                v4As = Arrays.copyOf(v4As, size);
            }
            v4First[v4Count] = first;
            v4Last[v4Count] = last;
            v4As[v4Count] = (int) as;
            v4Count++;
            v4Line = line;
        }

        private void addIpv6(long firstHigh, long firstLow, long lastHigh, long lastLow, long as, String name, long line)
                throws IOException {
            if (compare(firstHigh, firstLow, lastHigh, lastLow) > 0) {
                throw wrong(name, line, "its first address comes after its last");
            }
            if (v6Count > 0) {
                int previous = v6Count - 1;
                if (compare(firstHigh, firstLow, v6FirstHigh[previous], v6FirstLow[previous]) <= 0) {
                    throw wrong(name, line, "the IPv6 rows are not in address order (see line " + v6Line + ")");
                }
                if (compare(firstHigh, firstLow, v6LastHigh[previous], v6LastLow[previous]) <= 0) {
                    if (compare(lastHigh, lastLow, v6LastHigh[previous], v6LastLow[previous]) <= 0) {
                        throw wrong(name, line, "its range lies inside the one of line " + v6Line);
                    }
                    // One address before this row's first (a 128-bit decrement, in the flipped order).
                    v6LastLow[previous] = firstLow - 1;
                    v6LastHigh[previous] = firstLow == Long.MIN_VALUE ? firstHigh - 1 : firstHigh;
                }
            }
            if (v6Count == v6As.length) {
                int size = v6Count * 2;
                v6FirstHigh = Arrays.copyOf(v6FirstHigh, size);
                v6FirstLow = Arrays.copyOf(v6FirstLow, size);
                v6LastHigh = Arrays.copyOf(v6LastHigh, size);
                v6LastLow = Arrays.copyOf(v6LastLow, size);
                v6As = Arrays.copyOf(v6As, size);
            }
            v6FirstHigh[v6Count] = firstHigh;
            v6FirstLow[v6Count] = firstLow;
            v6LastHigh[v6Count] = lastHigh;
            v6LastLow[v6Count] = lastLow;
            v6As[v6Count] = (int) as;
            v6Count++;
            v6Line = line;
        }

        /** A decimal AS number from 1 to 4294967295, or -1. */
        private static long asNumber(String text) {
            if (text.isEmpty() || text.length() > 10) {
                return -1;
            }
            long value = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value <= 0xffff_ffffL ? value : -1;
        }

        private static IOException wrong(String name, long line, String what) {
            return new IOException(name + ", line " + line + ": " + what);
        }
    }
}
