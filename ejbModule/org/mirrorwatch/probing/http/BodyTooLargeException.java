package org.mirrorwatch.probing.http;

/** Aborts a GET whose body (announced or received) outgrows its cap. */
final class BodyTooLargeException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int maxBytes;

    BodyTooLargeException(int maxBytes) {
        super("the body is larger than " + maxBytes + " bytes", null, false, false);
        this.maxBytes = maxBytes;
    }

    int maxBytes() {
        return maxBytes;
    }
}
