package org.mirrorwatch.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import org.mirrorwatch.platform.MirrorwatchException;
import org.mirrorwatch.probing.boundary.ProbeRounds;
import org.mirrorwatch.probing.entity.ProbeRun;
import org.mirrorwatch.probing.entity.RunTrigger;
import org.mirrorwatch.registry.entity.MirrorContent;

/** The administrators' probe page: start a round, and see the latest rounds with their counters. */
@Named
@RequestScoped
public class ProbeRoundsBean {

    static final String FORM = "start";

    @Inject
    ProbeRounds rounds;

    private MirrorContent content = MirrorContent.ARCHIVE;
    private List<ProbeRun> recent;

    public void start() {
        try {
            ProbeRun run = rounds.startRound(content, RunTrigger.MANUAL);
            recent = null;
            FormMessages.info(FORM, "Round " + run.getId() + " started: " + run.getMirrorsTotal() + " "
                    + content.name().toLowerCase(Locale.ROOT) + " mirrors are due.");
        } catch (MirrorwatchException e) {
            FormMessages.show(FORM, e);
        }
    }

    public List<ProbeRun> getRecent() {
        if (recent == null) {
            recent = rounds.recentRuns(20);
        }
        return recent;
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
