package org.mirrorwatch.identity.boundary;

import java.util.List;
import java.util.Optional;

/** One page of people, by name. {@code nextAfter} is the name to continue after; empty on the last page. */
public record PeoplePage(List<PersonSummary> people, Optional<String> nextAfter) {
}
