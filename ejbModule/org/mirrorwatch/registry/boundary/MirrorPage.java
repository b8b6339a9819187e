package org.mirrorwatch.registry.boundary;

import java.util.List;
import java.util.Optional;

/**
 * One page of the mirror list. {@code nextAfter} is the key to continue after (by name, the name; in other
 * orders an opaque key that names the order), for the web tier to pass through a cursor; empty on the last
 * page.
 */
public record MirrorPage(List<MirrorSummary> mirrors, Optional<String> nextAfter) {
}
