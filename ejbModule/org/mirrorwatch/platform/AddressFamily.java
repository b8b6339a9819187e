package org.mirrorwatch.platform;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** An IP address family: the kind of DNS record (A or AAAA) a host publishes for it. */
public enum AddressFamily {
    /** IPv4, published by A records. */
    IPV4("IPv4", "A"),
    /** IPv6, published by AAAA records. */
    IPV6("IPv6", "AAAA");

    private final String title;
    private final String recordType;

    AddressFamily(String title, String recordType) {
        this.title = title;
        this.recordType = recordType;
    }

    /** "IPv4" or "IPv6", for logs, pages and mails. */
    public String title() {
        return title;
    }

    /** The DNS record type that publishes an address of this family: "A" or "AAAA". */
    public String recordType() {
        return recordType;
    }

    /** Whether the address is of this family. */
    public boolean holds(InetAddress address) {
        return this == IPV4 ? address instanceof Inet4Address : address instanceof Inet6Address;
    }

    /** The family of an address. */
    public static AddressFamily of(InetAddress address) {
        return address instanceof Inet6Address ? IPV6 : IPV4;
    }

    /** The other family. */
    public AddressFamily other() {
        return this == IPV4 ? IPV6 : IPV4;
    }
}
