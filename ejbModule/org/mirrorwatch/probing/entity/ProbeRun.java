package org.mirrorwatch.probing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.mirrorwatch.registry.entity.MirrorContent;

/** One probe round: when it ran, how far it got, and its own log, which says what the seed's script says. */
@Entity
@Table(name = "probe_run")
@NamedQuery(name = "ProbeRun.recent", query = "SELECT r FROM ProbeRun r ORDER BY r.started DESC, r.id DESC")
@NamedQuery(name = "ProbeRun.running", query = "SELECT r FROM ProbeRun r"
        + " WHERE r.state = org.mirrorwatch.probing.entity.RunState.RUNNING ORDER BY r.started, r.id")
public class ProbeRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MirrorContent content;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RunTrigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RunState state = RunState.RUNNING;

    @Column(nullable = false)
    private Instant started;

    @Column
    private Instant finished;

    @Column(name = "mirrors_total", nullable = false)
    private int mirrorsTotal;

    @Column(name = "mirrors_done", nullable = false)
    private int mirrorsDone;

    @Column(nullable = false)
    private long requests;

    @Column(nullable = false)
    private long failures;

    @Column(name = "current_mirror")
    private String currentMirror;

    @Column(nullable = false)
    private String log = "";

    protected ProbeRun() {
    }

    public ProbeRun(MirrorContent content, RunTrigger trigger, Instant started) {
        this.content = Objects.requireNonNull(content);
        this.trigger = Objects.requireNonNull(trigger);
        this.started = Objects.requireNonNull(started);
    }

    public void plan(int mirrors) {
        this.mirrorsTotal = mirrors;
    }

    /** The live counters, as the round's coordinator sees them. */
    public void progress(int mirrorsDone, long requests, long failures, String currentMirror) {
        requireRunning();
        this.mirrorsDone = mirrorsDone;
        this.requests = requests;
        this.failures = failures;
        this.currentMirror = currentMirror;
    }

    /** Adds a line to the round's log, as the seed's script writes it: "INFO    Probing ...". */
    public void log(String level, String message) {
        log = log + logLine(level, message);
    }

    /** One line of a round's log, for those who append it in SQL while other instances write it too. */
    public static String logLine(String level, String message) {
        return String.format("%-8s%s%n", level, message);
    }

    public void finish(Instant when) {
        requireRunning();
        state = RunState.DONE;
        finished = when;
        currentMirror = null;
    }

    /** Ends a round that failed or whose instance died; a finished round stays finished. */
    public boolean abort(Instant when, String reason) {
        if (state != RunState.RUNNING) {
            return false;
        }
        log("ERROR", reason);
        state = RunState.ABORTED;
        finished = when;
        currentMirror = null;
        return true;
    }

    private void requireRunning() {
        if (state != RunState.RUNNING) {
            throw new IllegalStateException("Round " + id + " is " + state + ", not running");
        }
    }

    public Long getId() {
        return id;
    }

    public MirrorContent getContent() {
        return content;
    }

    public RunTrigger getTrigger() {
        return trigger;
    }

    public RunState getState() {
        return state;
    }

    public Instant getStarted() {
        return started;
    }

    public Instant getFinished() {
        return finished;
    }

    public int getMirrorsTotal() {
        return mirrorsTotal;
    }

    public int getMirrorsDone() {
        return mirrorsDone;
    }

    public long getRequests() {
        return requests;
    }

    public long getFailures() {
        return failures;
    }

    public String getCurrentMirror() {
        return currentMirror;
    }

    public String getLog() {
        return log;
    }

    public List<String> getLogLines() {
        return log.lines().toList();
    }
}
