package org.mirrorwatch.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.mirrorwatch.registry.boundary.MirrorReports;
import org.mirrorwatch.registry.boundary.MirrorReports.MirrorPageView;

/**
 * A mirror's page: its details and overall freshness, what it carries as a matrix of suites and
 * architectures with a summary of what lags, its probes (with their logs for the owner and administrators), a sources.list snippet, and a
 * chart of its freshness over time.
 */
@Named
@RequestScoped
public class MirrorPageBean {

    static final int PROBES_SHOWN = 20;
    static final int CHART_BARS = 30;

    @Inject
    MirrorReports reports;

    private String name;
    private boolean loaded;
    private MirrorPageView page;
    private FreshnessChart chart;

    /** Loads the mirror the {@code name} parameter names, or answers 404. */
    public void load() throws IOException {
        if (getPage() == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such mirror");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    /**
     * The page's read model; null when there is no such mirror. Read at the first use, so that a form
     * posted from the page (which carries the name in a hidden field, since view parameters reach the
     * bean only after the form was decoded) finds its components rendered.
     */
    public MirrorPageView getPage() {
        if (!loaded) {
            loaded = true;
            if (name == null) {
                name = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("name");
            }
            page = name == null ? null : reports.page(name, PROBES_SHOWN).orElse(null);
            chart = page == null ? null : FreshnessChart.ofSnapshots(page.history(), CHART_BARS);
        }
        return page;
    }

    /** The sources.list lines for this mirror; empty for a release mirror. */
    public String getSourcesList() {
        return page == null ? "" : String.join("\n", page.sourcesList());
    }

    public FreshnessChart getChart() {
        getPage();
        return chart;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
