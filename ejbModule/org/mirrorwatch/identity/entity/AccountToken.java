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
import org.mirrorwatch.identity.entity.Person;

/**
 * A link mailed to a person, for one purpose, good once and until it expires. Only the SHA-256 of its
 * secret is kept.
 */
@Entity
@Table(name = "account_token")
@NamedQuery(name = "AccountToken.findByHash",
        query = "SELECT t FROM AccountToken t WHERE t.tokenHash = :tokenHash AND t.purpose = :purpose")
@NamedQuery(name = "AccountToken.invalidateOpen",
        query = "UPDATE AccountToken t SET t.usedAt = :now WHERE t.person.id = :personId AND t.purpose = :purpose"
                + " AND t.usedAt IS NULL")
@NamedQuery(name = "AccountToken.invalidateAllOpen",
        query = "UPDATE AccountToken t SET t.usedAt = :now WHERE t.person.id = :personId AND t.usedAt IS NULL")
public class AccountToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountTokenPurpose purpose;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "date_created", nullable = false)
    private Instant dateCreated;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected AccountToken() {
    }

    public AccountToken(Person person, AccountTokenPurpose purpose, String tokenHash, Instant now, Instant expiresAt) {
        this.person = Objects.requireNonNull(person);
        this.purpose = Objects.requireNonNull(purpose);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.dateCreated = Objects.requireNonNull(now);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    /** Good when never used and not expired at {@code now}. */
    public boolean isUsable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Uses the link up; it opens nothing after this. */
    public void use(Instant now) {
        if (!isUsable(now)) {
            throw new IllegalStateException("The link was used or has expired");
        }
        usedAt = now;
    }

    public Person getPerson() {
        return person;
    }

    public AccountTokenPurpose getPurpose() {
        return purpose;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
