package org.mirrorwatch.probing.http;

/** Aborts a GET whose body (announced or received) outgrows its limit; classified as {@link ProbeFailure.BodyTooLarge}. */
final class BodyTooLargeException extends RuntimeException {

    private final int maxBytes;

    BodyTooLargeException(int maxBytes) {
        super("the body is larger than " + maxBytes + " bytes", null, false, false);
        this.maxBytes = maxBytes;
    }

    int maxBytes() {
        return maxBytes;
    }
}
