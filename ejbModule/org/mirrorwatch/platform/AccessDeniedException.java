package org.mirrorwatch.platform;

/**
 * The caller is known but may not do this, for example edit a mirror someone else owns. Callers without
 * the needed role get the container's own refusal before this is ever checked.
 */
public class AccessDeniedException extends MirrorwatchException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
