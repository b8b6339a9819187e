package org.mirrorwatch.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.MirrorwatchException;
import org.mirrorwatch.registry.boundary.CdImageManifestFacade;
import org.mirrorwatch.registry.boundary.DistributionFacade;

/** The CD-image manifest editor: a manifest with a bad line is refused whole, each bad line listed. */
@Named
@ViewScoped
public class ManifestBean implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FORM = "manifest";

    @Inject
    CdImageManifestFacade manifests;

    @Inject
    DistributionFacade distributions;

    private Long distributionId;
    private String text;

    public String getText() {
        if (text == null) {
            text = manifests.findManifestText(distributionId()).orElse("");
        }
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public void save() {
        try {
            int files = manifests.storeManifest(distributionId(), text == null ? "" : text).size();
            FormMessages.info(FORM, "The manifest is stored: " + files + " files.");
        } catch (InvalidInputException e) {
            e.getErrors().forEach(error -> FormMessages.error(FORM, capitalized(error.field()) + ": " + error.message()));
        } catch (MirrorwatchException e) {
            FormMessages.show(FORM, e);
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public String getDistributionName() {
        return distributions.distributions().stream().filter(d -> d.id() == distributionId()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No distribution is registered")).displayName();
    }

    private long distributionId() {
        if (distributionId == null) {
            distributionId = distributions.distributions().stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("No distribution is registered")).id();
        }
        return distributionId;
    }
}
