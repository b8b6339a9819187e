package org.mirrorwatch.routing.control;

import java.util.Set;

/**
 * What the routing knows of one distribution: its main archive and releases URLs, the candidates of
 * each content, and its series (to read a CD-image path). Immutable.
 */
public record DistributionRoutes(String name, String mainArchiveUrl, String mainReleasesUrl,
        CandidateIndex archive, CandidateIndex releases, Set<String> series) {

    public DistributionRoutes {
        series = Set.copyOf(series);
    }

    public CandidateIndex candidates(boolean releaseContent) {
        return releaseContent ? releases : archive;
    }

    public String mainUrl(boolean releaseContent) {
        return releaseContent ? mainReleasesUrl : mainArchiveUrl;
    }
}
