package org.mirrorwatch.probing.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.registry.control.CdImageManifestStore;
import org.mirrorwatch.reference.entity.Distribution;
import org.mirrorwatch.registry.entity.CdImageManifest;

/**
 * Fetches the CD-image manifests that administrators configured as URLs, before each release round. The
 * URL passes the same address guard as probes. A manifest that cannot be fetched or has a bad line is
 * not applied: the stored one stays in force, and the round's log says why.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ManifestFetcher {

    private static final Logger LOG = Logger.getLogger(ManifestFetcher.class.getName());
    private static final int MAX_BYTES = 1 << 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    CdImageManifestStore manifests;

    @Inject
    ProbeSettings settings;

    /** @return one line per manifest that could not be refreshed */
    public List<String> refreshFetchedManifests() {
        List<String> problems = new ArrayList<>();
        List<CdImageManifest> fetched = em.createQuery("SELECT m FROM CdImageManifest m WHERE m.sourceUrl IS NOT NULL",
                CdImageManifest.class).getResultList();
        for (CdImageManifest manifest : fetched) {
            String url = manifest.getSourceUrl();
            try {
                manifests.store(em.find(Distribution.class, manifest.getDistributionId()), fetch(url));
                LOG.info(() -> "CD-image manifest fetched from " + url);
            } catch (InvalidInputException e) {
                problems.add("The CD-image manifest at " + url + " was not applied: " + e.getMessage());
            } catch (IOException e) {
                problems.add("The CD-image manifest at " + url + " could not be fetched: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add("Fetching the CD-image manifest at " + url + " was interrupted");
            }
        }
        problems.forEach(LOG::warning);
        return problems;
    }

    private String fetch(String url) throws IOException, InterruptedException {
        URI uri = URI.create(url);
        for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
            Optional<String> why = settings.getGuard().refusal(uri.getHost(), address);
            if (why.isPresent()) {
                throw new IOException("refused: " + why.get());
            }
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.getLimits().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri)
                .timeout(settings.getLimits().timeout()).header("User-Agent", settings.getLimits().userAgent())
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(response.statusCode() + " from " + url);
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
