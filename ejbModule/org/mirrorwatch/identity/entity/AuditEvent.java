package org.mirrorwatch.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mirrorwatch.identity.entity.Person;

/**
 * One audited change: who did what to which subject, when, and the subject's state before and after as
 * JSON. The actor's and subject's names are copied, so the row still reads after either is deleted.
 */
@Entity
@Table(name = "audit_event")
@NamedQuery(name = "AuditEvent.findRecent", query = "SELECT e FROM AuditEvent e ORDER BY e.occurredAt DESC, e.id DESC")
@NamedQuery(name = "AuditEvent.findBySubject", query = "SELECT e FROM AuditEvent e WHERE e.subjectType = :subjectType"
        + " AND e.subjectId = :subjectId ORDER BY e.occurredAt DESC, e.id DESC")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @ManyToOne
    @JoinColumn(name = "actor_id")
    private Person actor;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditAction action;

    @Column(name = "subject_type", nullable = false)
    private String subjectType;

    @Column(name = "subject_id")
    private Long subjectId;

    @Column(name = "subject_name", nullable = false)
    private String subjectName;

    @Column(name = "before_state")
    private String beforeState;

    @Column(name = "after_state")
    private String afterState;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, Person actor, AuditAction action, String subjectType, Long subjectId,
            String subjectName, String beforeState, String afterState) {
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.actor = Objects.requireNonNull(actor);
        this.actorName = actor.getName();
        this.action = Objects.requireNonNull(action);
        this.subjectType = Objects.requireNonNull(subjectType);
        this.subjectId = subjectId;
        this.subjectName = Objects.requireNonNull(subjectName);
        this.beforeState = beforeState;
        this.afterState = afterState;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActorName() {
        return actorName;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public Optional<Long> getSubjectId() {
        return Optional.ofNullable(subjectId);
    }

    public String getSubjectName() {
        return subjectName;
    }

    /** The subject's audited fields before the change, as a JSON object; absent for a creation. */
    public Optional<String> getBeforeState() {
        return Optional.ofNullable(beforeState);
    }

    /** The subject's audited fields after the change, as a JSON object; absent for a deletion. */
    public Optional<String> getAfterState() {
        return Optional.ofNullable(afterState);
    }
}
