package org.mirrorwatch.registry.boundary;

import java.util.List;
import java.util.Optional;

/**
 * The mirror URLs a user's machine should try, best first, ending with the distribution's own archive.
 *
 * @param country the country the list was made for; empty when no country was known
 */
public record ClientMirrorList(Optional<String> country, List<String> urls) {
}
