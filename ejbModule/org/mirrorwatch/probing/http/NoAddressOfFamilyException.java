package org.mirrorwatch.probing.http;

import java.io.IOException;
import org.mirrorwatch.platform.AddressFamily;

/** A request pinned to an address family found no address of it: the host publishes no such record. */
public class NoAddressOfFamilyException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient AddressFamily family;

    public NoAddressOfFamilyException(String host, AddressFamily family) {
        super(host + " has no " + family.title() + " address (no " + family.recordType() + " record)");
        this.family = family;
    }

    public AddressFamily family() {
        return family;
    }
}
