package org.mirrorwatch.probing.boundary;

import org.mirrorwatch.platform.ConflictException;

/** A round of this content type is running already, here or on another instance. */
public class RoundAlreadyRunningException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public RoundAlreadyRunningException(String message) {
        super("content", message);
    }
}
