package org.mirrorwatch.registry.boundary;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An order of the mirror list: one key, in either direction. Ties go by name, A to Z, whatever the direction,
 * so that a page continues exactly after the (key, name) of the previous page's last mirror.
 *
 * <p>As a parameter it is the key's token, with a leading "-" for the other direction: {@code freshness} is the
 * freshest first, {@code -freshness} the stalest first.
 */
public record MirrorSort(Key key, boolean descending) {

    /** What the list is sorted by; the Javadoc says what "ascending" means for it. */
    public enum Key {
        /** By name, A to Z. */
        NAME("name"),
        /** By freshness as of the last probe, the freshest first; Unknown counts as the stalest. */
        FRESHNESS("freshness"),
        /** By speed, the slowest first. */
        SPEED("speed"),
        /** By the date of the last probe, the longest ago first; a mirror never probed comes before all. */
        LAST_PROBE("last-probe");

        private final String token;

        Key(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }

    /** The default: by name, A to Z. */
    public static final MirrorSort BY_NAME = new MirrorSort(Key.NAME, false);

    public MirrorSort {
        Objects.requireNonNull(key);
    }

    /** The parameter's value for this order: "freshness", "-freshness", "last-probe", ... */
    public String token() {
        return (descending ? "-" : "") + key.token();
    }

    /** Every order, each key ascending then descending. */
    public static List<MirrorSort> all() {
        return Arrays.stream(Key.values()).flatMap(key -> List.of(new MirrorSort(key, false),
                new MirrorSort(key, true)).stream()).toList();
    }

    /** The order a parameter names exactly (as {@link #token()} writes it); empty for anything else. */
    public static Optional<MirrorSort> parse(String token) {
        return all().stream().filter(sort -> sort.token().equals(token)).findFirst();
    }

    /** The tokens, for a message that says what the parameter takes. */
    public static String tokens() {
        return String.join(", ", all().stream().map(MirrorSort::token).toList());
    }

    @Override
    public String toString() {
        return token();
    }
}
