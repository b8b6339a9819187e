package org.mirrorwatch.platform;

import java.time.Duration;

/** The caller asked too often; they may ask again after the wait. */
public class TooManyRequestsException extends MirrorwatchException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long until a request is granted again. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
