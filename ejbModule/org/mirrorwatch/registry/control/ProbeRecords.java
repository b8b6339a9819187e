package org.mirrorwatch.registry.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.mirrorwatch.librarian.Librarian;
import org.mirrorwatch.librarian.LibraryFile;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorProbeRecord;

/** Keeps the record of each probe, with its log stored in the librarian, for the prober. */
@Stateless
public class ProbeRecords {

    @PersistenceContext
    EntityManager em;

    @Inject
    Librarian librarian;

    @Inject
    Clock clock;

    public MirrorProbeRecord newProbeRecord(DistributionMirror mirror, String log) {
        Instant now = clock.instant();
        LibraryFile logFile = librarian.store(mirror.getName() + "-probe-" + now.getEpochSecond() + ".log",
                "text/plain; charset=UTF-8", log.getBytes(StandardCharsets.UTF_8));
        MirrorProbeRecord record = new MirrorProbeRecord(mirror, logFile, now);
        em.persist(record);
        em.flush();
        return record;
    }
}
