package org.mirrorwatch.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The two settings every mail depends on, read in one place: who sends it, and where its links point. */
@ApplicationScoped
public class MailSettings {

    @Inject
    @ConfigProperty(name = "mirrorwatch.mail.from")
    String from;

    @Inject
    @ConfigProperty(name = "mirrorwatch.base-url")
    String baseUrl;

    /** The sender of every mail. */
    public String from() {
        return from;
    }

    /** A link to a page of this installation, e.g. {@code link("verify.xhtml?token=…")}. */
    public String link(String pathAndQuery) {
        return MailTemplates.withoutTrailingSlash(baseUrl) + "/"
                + (pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery);
    }
}
