package org.mirrorwatch.probing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.probing.http.GetResult;
import org.mirrorwatch.probing.http.ProbeClient;
import org.mirrorwatch.registry.control.CdImageManifestStore;

/**
 * Fetches the CD-image manifests that administrators configured as URLs, before each release round,
 * through the round's own bounded GET ({@link ProbeClient}): the same address guard, checked on the address
 * it connects to, the same limits, deadline and redirect rules. A manifest that cannot be fetched or has a
 * bad line is not applied: the stored one stays in force, and the round's log says why. A CDI bean, not an
 * EJB: the client's managed threads must not inherit an EJB call's persistence context, which Payara
 * closes again when they end.
 */
@ApplicationScoped
public class ManifestFetcher {

    private static final Logger LOG = Logger.getLogger(ManifestFetcher.class.getName());
    private static final int MAX_BYTES = 1 << 20;

    @Inject
    CdImageManifestStore manifests;

    @Inject
    ProbeSettings settings;

    @Inject
    Clock clock;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    /** @return one line per manifest that could not be refreshed */
    public List<String> refreshFetchedManifests() {
        Map<Long, String> fetched = manifests.fetchedFromUrls();
        List<String> problems = new ArrayList<>();
        if (fetched.isEmpty()) {
            return problems;
        }
        try (ProbeClient http = settings.newClient(threads, clock)) {
            for (Map.Entry<Long, String> manifest : fetched.entrySet()) {
                String url = manifest.getValue();
                try {
                    GetResult answer = http.get(url, MAX_BYTES).get();
                    if (answer instanceof GetResult.Failed failed) {
                        problems.add("The CD-image manifest at " + url + " could not be fetched: "
                                + failed.failure().reason());
                        continue;
                    }
                    String text = new String(((GetResult.Fetched) answer).body(), StandardCharsets.UTF_8);
                    manifests.storeFetched(manifest.getKey(), text);
                    LOG.info(() -> "CD-image manifest fetched from " + url);
                } catch (InvalidInputException e) {
                    problems.add("The CD-image manifest at " + url + " was not applied: " + e.getMessage());
                } catch (ExecutionException e) {
                    problems.add("The CD-image manifest at " + url + " could not be fetched: " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    problems.add("Fetching the CD-image manifest at " + url + " was interrupted");
                    break;
                }
            }
        }
        problems.forEach(LOG::warning);
        return problems;
    }
}
