package org.mirrorwatch.routing.control;

import java.net.InetAddress;

/** Which autonomous system announces an address: a table of address ranges, or a MaxMind DB. */
interface AsDatabase {

    /** The AS number of the address, or 0 (which no network uses) when the database does not know it. */
    long autonomousSystem(InetAddress address);

    /** What the database holds, for the log, e.g. "412,003 IPv4 and 103,197 IPv6 ranges, 8.6 MB". */
    String summary();
}
