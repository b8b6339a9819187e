package org.mirrorwatch.routing.control;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalLong;

public record ClientLocation(InetAddress address, Optional<String> country, OptionalLong autonomousSystem) {
    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }
}
