package org.mirrorwatch.platform;

/** Thrown by {@code getX} lookups when nothing has the given id or name. */
public class NotFoundException extends MirrorwatchException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String kind, Object key) {
        super("There is no " + kind + " " + shown(String.valueOf(key)) + ".");
    }

    /** The key as the message can repeat it: cut short, with control characters as "?". */
    private static String shown(String key) {
        String cut = key.length() > 100 ? key.substring(0, 100) + "…" : key;
        return cut.codePoints().map(c -> Character.isISOControl(c) || Character.isSurrogate((char) c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
