package org.mirrorwatch.platform;

import jakarta.ejb.ApplicationException;

/**
 * A business failure that the caller can act on. It rolls the transaction back, so a failed use case
 * changes nothing, and the web tier maps each subclass to one HTTP status.
 */
@ApplicationException(rollback = true)
public abstract class MirrorwatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected MirrorwatchException(String message) {
        super(message);
    }
}
