package org.mirrorwatch.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import org.mirrorwatch.platform.MirrorwatchException;
import org.mirrorwatch.probing.boundary.ProbeRounds;
import org.mirrorwatch.probing.boundary.ProbeRunSummary;
import org.mirrorwatch.probing.entity.RunTrigger;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.registry.entity.MirrorContent;

/** The administrators' probe page: start a round, and see the latest rounds with their counters. */
@Named
@RequestScoped
public class ProbeRoundsBean {

    static final String FORM = "start";
    static final String MIRROR_FORM = "probe-mirror";

    @Inject
    ProbeRounds rounds;

    @Inject
    MirrorFacade mirrors;

    private String mirrorName;

    private MirrorContent content = MirrorContent.ARCHIVE;
    private List<ProbeRunSummary> recent;

    public void start() {
        try {
            ProbeRunSummary run = rounds.startRound(content, RunTrigger.MANUAL);
            recent = null;
            int due = run.mirrorsTotal();
            FormMessages.info(FORM, "Round " + run.id() + " started: " + due + " "
                    + content.name().toLowerCase(Locale.ROOT) + (due == 1 ? " mirror is due." : " mirrors are due."));
        } catch (MirrorwatchException e) {
            FormMessages.show(FORM, e);
        }
    }

    /** Probes the mirror named in the form now, whether it is due or not. */
    public void probeMirror() {
        try {
            long id = mirrors.mirror(mirrorName == null ? "" : mirrorName.strip()).id();
            ProbeRunSummary run = rounds.probeMirrorNow(id);
            recent = null;
            FormMessages.info(MIRROR_FORM, "Round " + run.id() + " started for " + mirrorName.strip() + ".");
        } catch (MirrorwatchException e) {
            FormMessages.show(MIRROR_FORM, e);
        }
    }

    /** The newest round, which the live panel follows; null before the first. */
    public ProbeRunSummary getLatest() {
        List<ProbeRunSummary> runs = getRecent();
        return runs.isEmpty() ? null : runs.get(0);
    }

    /** The newest round's progress in percent. */
    public int getLatestPercent() {
        ProbeRunSummary latest = getLatest();
        if (latest == null || latest.mirrorsTotal() == 0) {
            return latest == null ? 0 : 100;
        }
        return (int) Math.round(100.0 * latest.mirrorsDone() / latest.mirrorsTotal());
    }

    public List<ProbeRunSummary> getRecent() {
        if (recent == null) {
            recent = rounds.recentRuns(20);
        }
        return recent;
    }

    public String getMirrorName() {
        return mirrorName;
    }

    public void setMirrorName(String mirrorName) {
        this.mirrorName = mirrorName;
    }

    public MirrorContent[] getContents() {
        return MirrorContent.values();
    }

    public MirrorContent getContent() {
        return content;
    }

    public void setContent(MirrorContent content) {
        this.content = content;
    }
}
