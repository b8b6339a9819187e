package org.mirrorwatch.platform;

/** Thrown by {@code getX} lookups when nothing has the given id or name. */
public class NotFoundException extends MirrorwatchException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String kind, Object key) {
        super("There is no " + kind + " " + PlainText.printable(String.valueOf(key), 100) + ".");
    }

}
