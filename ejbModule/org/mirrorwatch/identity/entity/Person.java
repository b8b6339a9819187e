package org.mirrorwatch.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Someone who owns mirrors or administers them. */
@Entity
@Table(name = "person")
@NamedQuery(name = "Person.findByName", query = "SELECT p FROM Person p WHERE p.name = :name")
@NamedQuery(name = "Person.findByEmail", query = "SELECT p FROM Person p WHERE LOWER(p.email) = LOWER(:email)")
@NamedQuery(name = "Person.countActiveAdmins",
        query = "SELECT COUNT(p) FROM Person p WHERE p.mirrorAdmin = true AND p.active = true")
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "mirror_admin", nullable = false)
    private boolean mirrorAdmin;

    @Column(name = "date_created", nullable = false)
    private Instant dateCreated;

    @Column(nullable = false)
    private boolean publisher;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;

    @Column(nullable = false)
    private boolean active = true;

    protected Person() {
    }

    public Person(String name, String displayName, String email, Instant dateCreated) {
        this.name = Objects.requireNonNull(name);
        this.displayName = Objects.requireNonNull(displayName);
        this.email = Objects.requireNonNull(email);
        this.dateCreated = Objects.requireNonNull(dateCreated);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    /** True for members of the mirror administrators team. */
    public boolean isMirrorAdmin() {
        return mirrorAdmin;
    }

    /** True for the archive publisher's accounts, which feed the publication history. */
    public boolean isPublisher() {
        return publisher;
    }

    public Instant getDateCreated() {
        return dateCreated;
    }

    /** The container's PBKDF2 hash of the password; absent for people who never chose one. */
    public Optional<String> getPasswordHash() {
        return Optional.ofNullable(passwordHash);
    }

    public boolean isEmailVerified() {
        return emailVerified;
    }

    /** False once an administrator turned the account off; it is on from its creation. */
    public boolean isActive() {
        return active;
    }

    /** An administrator who may act as one: the role alone does not count on a deactivated account. */
    public boolean isActiveAdmin() {
        return mirrorAdmin && active;
    }

    /** Only an active person with a verified address and a password can log in. */
    public boolean canLogIn() {
        return active && emailVerified && passwordHash != null;
    }

    /** Gives or takes the two roles that an administrator hands out. */
    public void changeRoles(boolean mirrorAdmin, boolean publisher) {
        this.mirrorAdmin = mirrorAdmin;
        this.publisher = publisher;
    }

    /** Turns the account off: no login of any kind works until it is turned on again. */
    public void deactivate() {
        active = false;
    }

    public void reactivate() {
        active = true;
    }

    /** The address was proven to reach this person, by the link mailed to it. */
    public void verifyEmail() {
        emailVerified = true;
    }

    /** Replaces the password; the caller hashes it. Reaching a reset link proves the address too. */
    public void changePassword(String newPasswordHash) {
        passwordHash = Objects.requireNonNull(newPasswordHash);
    }

    /** The RFC 5322 mailbox, as the seed's mail shows it: {@code Foo Bar <foo.bar@canonical.com>}. */
    public String getMailbox() {
        return displayName + " <" + email + ">";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Person person && name.equals(person.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
