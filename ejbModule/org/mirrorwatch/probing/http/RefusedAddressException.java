package org.mirrorwatch.probing.http;

import java.io.IOException;

/** The address a request would connect to is one the prober must not touch; it is never contacted. */
public class RefusedAddressException extends IOException {

    private static final long serialVersionUID = 1L;

    public RefusedAddressException(String message) {
        super(message);
    }
}
