package org.mirrorwatch.routing.control;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a client's address is, as far as the databases know.
 *
 * @param address the client's address
 * @param country its country, an ISO 3166-1 alpha-2 code in upper case such as "NL"
 * @param autonomousSystem the number of the autonomous system that announces it, such as 3333
 */
public record ClientLocation(InetAddress address, Optional<String> country, OptionalLong autonomousSystem) {

    public ClientLocation {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(autonomousSystem, "autonomousSystem");
    }

    /** An address whose country and autonomous system are unknown. */
    public static ClientLocation unknown(InetAddress address) {
        return new ClientLocation(address, Optional.empty(), OptionalLong.empty());
    }

    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }
}
