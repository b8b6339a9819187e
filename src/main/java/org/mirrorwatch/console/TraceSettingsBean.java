package org.mirrorwatch.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.mirrorwatch.platform.MirrorwatchException;
import org.mirrorwatch.reference.boundary.ReferenceDataFacade;
import org.mirrorwatch.reference.boundary.ReferenceReads;
import org.mirrorwatch.reference.boundary.ReferenceViews.DistributionView;
import org.mirrorwatch.reference.boundary.TraceForm;
import org.mirrorwatch.reference.entity.TraceFormat;
import org.mirrorwatch.registry.boundary.DistributionFacade;

/**
 * The administrators' form for the distribution's trace file and sync marker (as the CD-image manifest's, it
 * edits the first distribution). A bad value is refused with its message beside its field.
 */
@Named
@ViewScoped
public class TraceSettingsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FORM = "trace";

    @Inject
    ReferenceDataFacade reference;

    @Inject
    ReferenceReads reads;

    @Inject
    DistributionFacade distributions;

    private String distributionName;
    private TraceFormat format;
    private String path;
    private String syncMarker;
    private boolean loaded;

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        distributionName = distributions.distributions().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No distribution is registered")).name();
        DistributionView view = reads.distribution(distributionName);
        format = TraceFormat.valueOf(view.trace().format());
        path = view.trace().path();
        syncMarker = view.trace().syncMarker();
    }

    public void save() {
        load();
        try {
            DistributionView saved = reference.configureTrace(distributionName, new TraceForm(format, path, syncMarker));
            FormMessages.info(FORM, "Stored: " + (saved.trace().path() == null ? "no trace file"
                    : saved.trace().format() + " trace at " + saved.trace().path()) + ", "
                    + (saved.trace().syncMarker() == null ? "no sync marker" : "sync marker " + saved.trace().syncMarker())
                    + ". The next probes use it.");
        } catch (MirrorwatchException e) {
            FormMessages.show(FORM, e);
        }
    }

    public List<TraceFormat> getFormats() {
        return List.of(TraceFormat.values());
    }

    public String getDistributionName() {
        load();
        return distributionName;
    }

    public TraceFormat getFormat() {
        load();
        return format;
    }

    public void setFormat(TraceFormat format) {
        this.format = format;
    }

    public String getPath() {
        load();
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getSyncMarker() {
        load();
        return syncMarker;
    }

    public void setSyncMarker(String syncMarker) {
        this.syncMarker = syncMarker;
    }
}
