package org.mirrorwatch.librarian;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/** Stores files and finds them again by id. */
@Stateless
public class Librarian {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public LibraryFile store(String filename, String mimeType, byte[] content) {
        LibraryFile file = new LibraryFile(filename, mimeType, content, clock.instant());
        em.persist(file);
        em.flush(); // the download path contains the id, which the database assigns
        return file;
    }

    public Optional<LibraryFile> find(long id) {
        return Optional.ofNullable(em.find(LibraryFile.class, id));
    }
}
