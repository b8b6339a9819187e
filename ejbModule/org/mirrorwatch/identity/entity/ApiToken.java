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

/**
 * A bearer token a person created for the API. It acts as the person until it expires or is revoked.
 * Only the SHA-256 of its secret is kept, with the first characters so its owner can tell tokens apart.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = "ApiToken.findByHash", query = "SELECT t FROM ApiToken t WHERE t.tokenHash = :tokenHash")
@NamedQuery(name = "ApiToken.revokeAllOf", query = "UPDATE ApiToken t SET t.revokedAt = :now"
        + " WHERE t.person.id = :personId AND t.revokedAt IS NULL")
@NamedQuery(name = "ApiToken.findByPerson",
        query = "SELECT t FROM ApiToken t WHERE t.person.id = :personId ORDER BY t.dateCreated DESC, t.id DESC")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(nullable = false)
    private String prefix;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApiTokenScope scope;

    @Column(name = "date_created", nullable = false)
    private Instant dateCreated;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiToken() {
    }

    public ApiToken(Person person, String name, ApiTokenScope scope, String tokenHash, String prefix, Instant now,
            Instant expiresAt) {
        this.person = Objects.requireNonNull(person);
        this.name = Objects.requireNonNull(name);
        this.scope = Objects.requireNonNull(scope);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.prefix = Objects.requireNonNull(prefix);
        this.dateCreated = Objects.requireNonNull(now);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    /** Good when neither revoked nor expired at {@code now}, and its person can still log in. */
    public boolean isActive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && person.canLogIn();
    }

    /** Revokes the token for good; revoking twice keeps the first date. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public void markUsed(Instant now) {
        lastUsedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Person getPerson() {
        return person;
    }

    public String getName() {
        return name;
    }

    public ApiTokenScope getScope() {
        return scope;
    }

    /** The token's first characters, as shown on the account page. */
    public String getPrefix() {
        return prefix;
    }

    public Instant getDateCreated() {
        return dateCreated;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Optional<Instant> getRevokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public Optional<Instant> getLastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }
}
