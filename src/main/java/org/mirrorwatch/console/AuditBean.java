package org.mirrorwatch.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.identity.boundary.AuditEntry;
import org.mirrorwatch.identity.boundary.AuditFacade;
import org.mirrorwatch.identity.entity.AuditAction;

/** The audit trail for administrators, filtered by action, actor and subject through GET parameters. */
@Named
@RequestScoped
public class AuditBean {

    static final int SHOWN = 200;

    @Inject
    AuditFacade audit;

    private String action;
    private String problem;
    private String actor;
    private String subject;
    private List<AuditEntry> events;

    public List<AuditEntry> getEvents() {
        if (events == null) {
            try {
                events = audit.search(Choices.enumOrNull(AuditAction.class, action), actor, subject, SHOWN);
            } catch (InvalidInputException e) {
                problem = e.getErrors().get(0).field() + ": " + e.getErrors().get(0).message();
                events = List.of();
            }
        }
        return events;
    }

    /** Why the filter was refused, shown above the (then empty) trail; null when it was not. */
    public String getProblem() {
        getEvents();
        return problem;
    }

    public AuditAction[] getActions() {
        return AuditAction.values();
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }
}
