package org.mirrorwatch.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.mirrorwatch.identity.boundary.AuditFacade;
import org.mirrorwatch.identity.entity.AuditAction;
import org.mirrorwatch.identity.entity.AuditEvent;

/** The audit trail for administrators, filtered by action, actor and subject through GET parameters. */
@Named
@RequestScoped
public class AuditBean {

    static final int SHOWN = 200;

    @Inject
    AuditFacade audit;

    private String action;
    private String actor;
    private String subject;
    private List<AuditEvent> events;

    public List<AuditEvent> getEvents() {
        if (events == null) {
            events = audit.search(Choices.enumOrNull(AuditAction.class, action), actor, subject, SHOWN);
        }
        return events;
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
