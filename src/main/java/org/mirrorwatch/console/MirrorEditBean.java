package org.mirrorwatch.console;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.mirrorwatch.identity.boundary.AccountFacade;
import org.mirrorwatch.platform.MirrorwatchException;
import org.mirrorwatch.probing.boundary.ProbeRounds;
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.registry.boundary.MirrorForm;
import org.mirrorwatch.reference.boundary.ReferenceDataFacade;
import org.mirrorwatch.reference.boundary.ReferenceViews.CountryChoice;
import org.mirrorwatch.reference.boundary.ReferenceViews.DistributionChoice;
import org.mirrorwatch.registry.boundary.MirrorSummary;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.registry.entity.ReviewStatus;

/**
 * The owner's form to register a mirror, or to edit one (when the page has a {@code name}), with the
 * owner's actions on it: resubmit a broken mirror, and ask for a probe now. Every field is checked by the
 * facade; nothing is saved until all pass, and each error shows beside its field.
 */
@Named
@ViewScoped
public class MirrorEditBean implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FORM = "mirror";

    @Inject
    MirrorFacade mirrors;

    @Inject
    DistributionFacade distributions;

    @Inject
    ReferenceDataFacade reference;

    @Inject
    AccountFacade accounts;

    @Inject
    ProbeRounds rounds;

    private String name;
    private Long mirrorId;
    private String reviewStatus;
    private String distribution;
    private String mirrorName;
    private String displayName;
    private String description;
    private MirrorSpeed speed;
    private String countryCode;
    private MirrorContent content = MirrorContent.ARCHIVE;
    private MirrorPulseType pulseType = MirrorPulseType.PULL;
    private String httpBaseUrl;
    private String httpsBaseUrl;
    private String ftpBaseUrl;
    private String rsyncBaseUrl;
    private boolean officialCandidate = true;
    private transient List<DistributionChoice> distributionChoices;
    private transient List<CountryChoice> countryChoices;

    /** Loads the mirror to edit, if the page names one the caller may edit. */
    public void load() throws IOException {
        if (mirrorId != null || name == null || name.isBlank()) {
            return;
        }
        MirrorSummary mirror = mirrors.findMirror(name).orElse(null);
        if (mirror == null || !mirrors.mayEdit(mirror.id())) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such mirror of yours");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        mirrorId = mirror.id();
        reviewStatus = mirror.reviewStatus().name();
        distribution = mirror.distribution();
        mirrorName = mirror.name();
        displayName = mirror.displayName();
        description = mirror.description();
        speed = mirror.speed();
        countryCode = mirror.countryCode();
        content = mirror.content();
        pulseType = mirror.pulseType();
        httpBaseUrl = mirror.httpBaseUrl();
        httpsBaseUrl = mirror.httpsBaseUrl();
        ftpBaseUrl = mirror.ftpBaseUrl();
        rsyncBaseUrl = mirror.rsyncBaseUrl();
        officialCandidate = mirror.officialCandidate();
    }

    public void save() throws IOException {
        MirrorForm form = new MirrorForm(mirrorName, displayName, description, speed, countryCode, content, pulseType,
                httpBaseUrl, httpsBaseUrl, ftpBaseUrl, rsyncBaseUrl, officialCandidate);
        try {
            MirrorSummary saved = mirrorId == null
                    ? distributions.newMirror(distributionId(), accounts.me().id(), form)
                    : mirrors.edit(mirrorId, form);
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.getFlash().put("notice", mirrorId == null
                    ? "Your mirror is registered. A mirror administrator will review it."
                    : "Your changes are saved.");
            external.redirect(external.getRequestContextPath() + "/mirror.xhtml?name=" + saved.name());
        } catch (MirrorwatchException e) {
            FormMessages.show(FORM, e);
        }
    }

    public void resubmit() {
        try {
            reviewStatus = mirrors.resubmitForReview(mirrorId).reviewStatus().name();
            FormMessages.info(FORM, "The mirror is back in the review queue.");
        } catch (MirrorwatchException e) {
            FormMessages.show(FORM, e);
        }
    }

    public void probeNow() {
        try {
            long run = rounds.requestProbe(mirrorId).id();
            FormMessages.info(FORM, "Probe round " + run + " started; the mirror's page shows the result in a minute.");
        } catch (MirrorwatchException e) {
            FormMessages.show(FORM, e);
        }
    }

    private long distributionId() {
        return distributions.distributions().stream()
                .filter(d -> distribution == null || d.name().equals(distribution)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No distribution is registered")).id();
    }

    public boolean isEditing() {
        return mirrorId != null;
    }

    public boolean isBroken() {
        return ReviewStatus.BROKEN.name().equals(reviewStatus);
    }

    /** Read once per view: the menus ask for their choices in several phases of every request. */
    public List<DistributionChoice> getDistributions() {
        if (distributionChoices == null) {
            distributionChoices = distributions.distributions();
        }
        return distributionChoices;
    }

    public List<CountryChoice> getCountries() {
        if (countryChoices == null) {
            countryChoices = reference.countries();
        }
        return countryChoices;
    }

    public MirrorSpeed[] getSpeeds() {
        return MirrorSpeed.values();
    }

    public MirrorContent[] getContents() {
        return MirrorContent.values();
    }

    public MirrorPulseType[] getPulseTypes() {
        return MirrorPulseType.values();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDistribution() {
        return distribution;
    }

    public void setDistribution(String distribution) {
        this.distribution = distribution;
    }

    public String getMirrorName() {
        return mirrorName;
    }

    public void setMirrorName(String mirrorName) {
        this.mirrorName = mirrorName;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public MirrorSpeed getSpeed() {
        return speed;
    }

    public void setSpeed(MirrorSpeed speed) {
        this.speed = speed;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(String countryCode) {
        this.countryCode = countryCode;
    }

    public MirrorContent getContent() {
        return content;
    }

    public void setContent(MirrorContent content) {
        this.content = content;
    }

    public MirrorPulseType getPulseType() {
        return pulseType;
    }

    public void setPulseType(MirrorPulseType pulseType) {
        this.pulseType = pulseType;
    }

    public String getHttpBaseUrl() {
        return httpBaseUrl;
    }

    public void setHttpBaseUrl(String httpBaseUrl) {
        this.httpBaseUrl = httpBaseUrl;
    }

    public String getHttpsBaseUrl() {
        return httpsBaseUrl;
    }

    public void setHttpsBaseUrl(String httpsBaseUrl) {
        this.httpsBaseUrl = httpsBaseUrl;
    }

    public String getFtpBaseUrl() {
        return ftpBaseUrl;
    }

    public void setFtpBaseUrl(String ftpBaseUrl) {
        this.ftpBaseUrl = ftpBaseUrl;
    }

    public String getRsyncBaseUrl() {
        return rsyncBaseUrl;
    }

    public void setRsyncBaseUrl(String rsyncBaseUrl) {
        this.rsyncBaseUrl = rsyncBaseUrl;
    }

    public boolean isOfficialCandidate() {
        return officialCandidate;
    }

    public void setOfficialCandidate(boolean officialCandidate) {
        this.officialCandidate = officialCandidate;
    }
}
