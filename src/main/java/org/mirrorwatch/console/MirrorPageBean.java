package org.mirrorwatch.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import org.mirrorwatch.probing.boundary.FreshnessHistory;
import org.mirrorwatch.registry.boundary.MirrorContentFacade;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorCDImageDistroRelease;
import org.mirrorwatch.registry.entity.MirrorDistroArchRelease;
import org.mirrorwatch.registry.entity.MirrorDistroReleaseSource;
import org.mirrorwatch.registry.entity.MirrorProbeRecord;

/**
 * A mirror's page: its details and overall freshness, what it carries by series, architecture, component
 * and pocket, its probes (with their logs for the owner and administrators), a sources.list snippet, and a
 * chart of its freshness over time.
 */
@Named
@RequestScoped
public class MirrorPageBean {

    static final int PROBES_SHOWN = 20;
    static final int CHART_BARS = 30;

    @Inject
    MirrorFacade mirrors;

    @Inject
    MirrorContentFacade content;

    @Inject
    FreshnessHistory history;

    private String name;
    private DistributionMirror mirror;
    private List<MirrorDistroArchRelease> binaries;
    private List<MirrorDistroReleaseSource> sources;
    private List<MirrorCDImageDistroRelease> cdImages;
    private List<MirrorProbeRecord> probes;
    private FreshnessChart chart;
    private boolean mayEdit;
    private String sourcesList;

    /** Loads the mirror the {@code name} parameter names, or answers 404. */
    public void load() throws IOException {
        mirror = name == null ? null : mirrors.findMirrorByName(name).orElse(null);
        mayEdit = mirror != null && mirrors.mayEdit(mirror.getId());
        if (mirror == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such mirror");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        long id = mirror.getId();
        binaries = content.archReleases(id).stream().sorted(Comparator
                .comparing((MirrorDistroArchRelease r) -> r.getDistroRelease().getName())
                .thenComparing(r -> r.getDistroArchRelease().getArchitectureTag())
                .thenComparing(r -> r.getComponent().getName()).thenComparing(MirrorDistroArchRelease::getPocket))
                .toList();
        sources = content.sourceReleases(id).stream().sorted(Comparator
                .comparing((MirrorDistroReleaseSource r) -> r.getDistroRelease().getName())
                .thenComparing(r -> r.getComponent().getName()).thenComparing(MirrorDistroReleaseSource::getPocket))
                .toList();
        cdImages = mirrors.cdImages(id);
        probes = mirrors.probeRecords(id, PROBES_SHOWN);
        chart = FreshnessChart.ofSnapshots(history.snapshots(id), CHART_BARS);
        sourcesList = String.join("\n", mirrors.sourcesList(id));
    }

    /** The sources.list lines for this mirror; empty for a release mirror. */
    public String getSourcesList() {
        return sourcesList;
    }

    public DistributionMirror getMirror() {
        return mirror;
    }

    public List<MirrorDistroArchRelease> getBinaries() {
        return binaries;
    }

    public List<MirrorDistroReleaseSource> getSources() {
        return sources;
    }

    public List<MirrorCDImageDistroRelease> getCdImages() {
        return cdImages;
    }

    public List<MirrorProbeRecord> getProbes() {
        return probes;
    }

    public FreshnessChart getChart() {
        return chart;
    }

    /** Whether the caller is the owner or an administrator: they see the logs and the owner's actions. */
    public boolean isMayEdit() {
        return mayEdit;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
