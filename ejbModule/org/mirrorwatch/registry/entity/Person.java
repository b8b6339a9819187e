package org.mirrorwatch.registry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** Someone who owns mirrors or administers them. */
@Entity
@Table(name = "person")
@NamedQuery(name = "Person.findByName", query = "SELECT p FROM Person p WHERE p.name = :name")
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

    public Instant getDateCreated() {
        return dateCreated;
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
