package org.mirrorwatch.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalLong;

@ApplicationScoped
public class GeoLocator {
    public ClientLocation locate(InetAddress address) {
        return new ClientLocation(address, countryOf(address), autonomousSystemOf(address));
    }

    public Optional<String> countryOf(InetAddress address) {
        return Optional.empty();
    }

    public OptionalLong autonomousSystemOf(InetAddress address) {
        return OptionalLong.empty();
    }
}
