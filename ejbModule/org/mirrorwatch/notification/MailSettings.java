package org.mirrorwatch.notification;

import static org.mirrorwatch.platform.SettingRules.require;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The two settings every mail depends on, read in one place: who sends it, and where its links point. */
@ApplicationScoped
public class MailSettings {

    private static final String BASE_URL = "mirrorwatch.base-url";

    @Inject
    @ConfigProperty(name = "mirrorwatch.mail.from")
    String from;

    @Inject
    @ConfigProperty(name = BASE_URL)
    String baseUrl;

    /** A base URL that no link could work with stops the deployment, naming the setting. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        require(parsedBaseUrl() != null, BASE_URL, baseUrl,
                "an absolute http or https URL with a host and no query or fragment, e.g. https://mirrors.example.org");
    }

    /** The sender of every mail. */
    public String from() {
        return from;
    }

    /** A link to a page of this installation, e.g. {@code link("verify.xhtml?token=…")}. */
    public String link(String pathAndQuery) {
        return MailTemplates.withoutTrailingSlash(baseUrl) + "/"
                + (pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery);
    }

    /** The host name mailed links point at, lower case. */
    public String linkHost() {
        return parsedBaseUrl().getHost().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a request for {@code requestHost} reaches the installation that mailed links point at. Loopback
     * names count as one, so a base URL of localhost is right for a browser on the same machine.
     */
    public boolean linksReach(String requestHost) {
        String host = requestHost.toLowerCase(Locale.ROOT);
        return host.equals(linkHost()) || isLoopback(host) && isLoopback(linkHost());
    }

    /** Loopback by its spelling alone: a request's Host header is never resolved. */
    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.equals("[::1]") || host.equals("::1")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private URI parsedBaseUrl() {
        try {
            URI uri = new URI(baseUrl);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
