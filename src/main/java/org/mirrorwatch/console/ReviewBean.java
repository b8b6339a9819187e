package org.mirrorwatch.console;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mirrorwatch.platform.MirrorwatchException;
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.reference.boundary.ReferenceViews.DistributionChoice;
import org.mirrorwatch.registry.boundary.MirrorSummary;
import org.mirrorwatch.registry.entity.ReviewStatus;

/**
 * The administrators' review queue, and the lists of disabled and unofficial mirrors: each row takes a
 * verdict (OFFICIAL, UNOFFICIAL or BROKEN) with a whiteboard note, and can turn the mirror on with it.
 */
@Named
@ViewScoped
public class ReviewBean implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FORM = "review";

    @Inject
    DistributionFacade distributions;

    @Inject
    MirrorFacade mirrors;

    private String list = "pending";
    /** Per mirror id, the chosen verdict's name: a map's values get no converter, so they stay text. */
    private final Map<Long, String> verdicts = new HashMap<>();
    private final Map<Long, String> whiteboards = new HashMap<>();
    private final Map<Long, Boolean> enable = new HashMap<>();
    private transient List<MirrorSummary> shown;

    public List<MirrorSummary> getMirrors() {
        if (shown == null) {
            String requested = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                    .get("list");
            if (requested != null) {
                list = requested;
            }
            List<DistributionChoice> all = distributions.distributions();
            shown = all.stream().flatMap(d -> switch (list) {
                case "disabled" -> distributions.disabledMirrors(d.id()).stream();
                case "unofficial" -> distributions.unofficialMirrors(d.id()).stream();
                default -> distributions.pendingReviewMirrors(d.id()).stream();
            }).toList();
            for (MirrorSummary mirror : shown) {
                verdicts.putIfAbsent(mirror.id(), ReviewStatus.OFFICIAL.name());
                whiteboards.putIfAbsent(mirror.id(), mirror.whiteboard());
                enable.putIfAbsent(mirror.id(), !mirror.enabled());
            }
        }
        return shown;
    }

    /** Records the verdict of one row, and turns the mirror on when that row asks for it. */
    public void review(long mirrorId) {
        try {
            MirrorSummary reviewed = mirrors.review(mirrorId, ReviewStatus.valueOf(verdicts.get(mirrorId)),
                    whiteboards.get(mirrorId));
            if (Boolean.TRUE.equals(enable.get(mirrorId)) && !reviewed.enabled()) {
                mirrors.enable(mirrorId);
            }
            FormMessages.info(FORM, reviewed.name() + " is now " + reviewed.reviewStatus().title() + ".");
            shown = null;
        } catch (MirrorwatchException e) {
            FormMessages.show(FORM, e);
        }
    }

    public String getList() {
        return list;
    }

    public ReviewStatus[] getVerdictChoices() {
        return new ReviewStatus[] {ReviewStatus.OFFICIAL, ReviewStatus.UNOFFICIAL, ReviewStatus.BROKEN};
    }

    public Map<Long, String> getVerdicts() {
        return verdicts;
    }

    public Map<Long, String> getWhiteboards() {
        return whiteboards;
    }

    public Map<Long, Boolean> getEnable() {
        return enable;
    }
}
