package org.mirrorwatch.routing.boundary;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.mirrorwatch.routing.control.RoutingTier;

/**
 * The mirrors chosen for a client, best first, the distribution's main archive last, with what was
 * known of the client and why each mirror was chosen.
 *
 * @param path the path asked for, empty for a mirror list
 * @param need what a mirror had to carry for that path (e.g. "hoary/main/binary-i386"), empty when any
 *        mirror fresh overall would do
 */
public record RoutingAnswer(Client client, Optional<String> path, Optional<String> need, List<Choice> choices) {

    /** What was known of the client. */
    public record Client(String address, Optional<String> country, Optional<String> continent,
            OptionalLong autonomousSystem, boolean ipv6) {
    }

    /**
     * One mirror on the list.
     *
     * @param mirror the mirror's name; empty for the main archive
     * @param url the mirror's URL, with the path when a path was asked for
     * @param country the mirror's country; empty for the main archive
     */
    public record Choice(Optional<String> mirror, String url, RoutingTier tier, Optional<String> country) {
    }

    public RoutingAnswer {
        choices = List.copyOf(choices);
    }

    /** The best choice: a mirror, or the main archive when no mirror suits. */
    public Choice best() {
        return choices.get(0);
    }
}
