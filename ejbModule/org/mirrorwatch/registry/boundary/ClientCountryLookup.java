package org.mirrorwatch.registry.boundary;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Finds the country of a client's address, for the client mirror lists. None is configured: an
 * application that bundles a GeoIP database provides one as a CDI bean, and the lists use it when a
 * client does not name its country.
 */
public interface ClientCountryLookup {

    /** The ISO 3166-1 alpha-2 code of the address's country, if known. */
    Optional<String> countryOf(InetAddress address);
}
