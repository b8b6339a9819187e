package org.mirrorwatch.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import org.mirrorwatch.platform.MirrorwatchException;
import org.mirrorwatch.probing.boundary.ProbeInstance;
import org.mirrorwatch.probing.boundary.ProbeRounds;
import org.mirrorwatch.probing.boundary.ProbeRunSummary;
import org.mirrorwatch.probing.entity.RunTrigger;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.registry.entity.MirrorContent;

/**
 * The administrators' probe page: start a round or probe one mirror, follow every running round live, and
 * see the latest rounds with their counters.
 */
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
    private List<ProbeRunSummary> live;
    private List<ProbeInstance> instances;

    public void start() {
        try {
            ProbeRunSummary run = rounds.startRound(content, RunTrigger.MANUAL);
            recent = null;
            live = null;
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
            live = null;
            FormMessages.info(MIRROR_FORM, "Round " + run.id() + " started for " + mirrorName.strip() + ".");
        } catch (MirrorwatchException e) {
            FormMessages.show(MIRROR_FORM, e);
        }
    }

    /**
     * The rounds the live panel follows: every round running now, the archive's first, or when none runs,
     * the newest one that has ended; empty before the first round.
     */
    public List<ProbeRunSummary> getLive() {
        if (live == null) {
            List<ProbeRunSummary> running = rounds.runningRounds();
            live = !running.isEmpty() ? running : getRecent().stream().limit(1).toList();
        }
        return live;
    }

    /** The instances that take part in rounds, with their last heartbeat. */
    public List<ProbeInstance> getInstances() {
        if (instances == null) {
            instances = rounds.instances();
        }
        return instances;
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
