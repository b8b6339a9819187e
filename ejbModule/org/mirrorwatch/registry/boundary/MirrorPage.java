package org.mirrorwatch.registry.boundary;

import java.util.List;
import java.util.Optional;

/**
 * One page of the mirror list, by name. {@code nextAfter} is the name to continue after; empty on the
 * last page.
 */
public record MirrorPage(List<MirrorSummary> mirrors, Optional<String> nextAfter) {
}
