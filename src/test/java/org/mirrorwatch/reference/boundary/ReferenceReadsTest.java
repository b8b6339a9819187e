package org.mirrorwatch.reference.boundary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.reference.boundary.ReferenceViews.ArchSeriesView;
import org.mirrorwatch.reference.boundary.ReferenceViews.ComponentView;
import org.mirrorwatch.reference.boundary.ReferenceViews.DistributionView;
import org.mirrorwatch.reference.boundary.ReferenceViews.SeriesView;
import org.mirrorwatch.reference.control.ReferenceChanged;

/**
 * When the API's copy of the reference data is read again: after a change made through Mirrorwatch, after
 * its cache time, and when a change commits while it is being read. The database's side is tried on a
 * running server by OperatorDeploymentIT; here the facade is a stand-in that counts its reads.
 */
class ReferenceReadsTest {

    /** The facade's one read, answering a new catalog each time, as the database would after changes. */
    static final class CountingFacade extends ReferenceDataFacade {
        final List<ReferenceCatalog> read = new ArrayList<>();
        Runnable duringRead = () -> { };

        @Override
        public ReferenceCatalog catalog() {
            duringRead.run();
            ReferenceCatalog catalog = catalogWith("component-" + read.size());
            read.add(catalog);
            return catalog;
        }
    }

    private final CountingFacade facade = new CountingFacade();

    private ReferenceReads reads(Duration cacheTime) {
        ReferenceReads reads = new ReferenceReads();
        reads.facade = facade;
        reads.cacheTime = cacheTime;
        return reads;
    }

    @Test
    void theCopyIsReadOnce_andAgainOnlyAfterAChangeCommits() {
        ReferenceReads reads = reads(Duration.ofHours(1));
        assertEquals(List.of(new ComponentView("component-0")), reads.components());
        assertSame(reads.catalog(), reads.catalog());
        assertEquals(1, facade.read.size());

        reads.changed(new ReferenceChanged("component main"));
        assertEquals(List.of(new ComponentView("component-1")), reads.components());
        reads.distributions();
        assertEquals(2, facade.read.size());
    }

    @Test
    void aCacheTimeOfZero_readsEveryTime() {
        ReferenceReads reads = reads(Duration.ZERO);
        reads.components();
        reads.components();
        reads.distribution("ubuntu");
        assertEquals(3, facade.read.size());
    }

    @Test
    void aCopyOlderThanTheCacheTime_isReadAgain() {
        ReferenceReads reads = reads(Duration.ofMillis(1));
        reads.components();
        long readAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> System.nanoTime() - readAt > Duration.ofMillis(2).toNanos());
        reads.components();
        assertEquals(2, facade.read.size());
    }

    @Test
    void aChangeThatCommitsWhileTheCopyIsRead_isNotMissed() {
        ReferenceReads reads = reads(Duration.ofHours(1));
        facade.duringRead = () -> reads.changed(new ReferenceChanged("series ubuntu/noble"));
        reads.components();
        facade.duringRead = () -> { };
        reads.components();
        reads.components();
        assertEquals(2, facade.read.size(), "the copy read during the change is used once, then read again");
    }

    @Test
    void distributionsAndSeries_areFoundByName_orNotFound() {
        ReferenceReads reads = reads(Duration.ofHours(1));
        assertEquals("Ubuntu", reads.distribution("ubuntu").displayName());
        assertEquals("24.04", reads.series("ubuntu", "noble").version());
        assertEquals(1, reads.series("ubuntu").size());
        assertThrows(NotFoundException.class, () -> reads.distribution("debian"));
        assertThrows(NotFoundException.class, () -> reads.series("debian"));
        assertThrows(NotFoundException.class, () -> reads.series("ubuntu", "nosuch"));
        assertThrows(NotFoundException.class, () -> reads.series(null));
    }

    static ReferenceCatalog catalogWith(String component) {
        SeriesView noble = new SeriesView("ubuntu", "noble", "24.04", "CURRENT", List.of(component),
                List.of(new ArchSeriesView("amd64", true)));
        DistributionView ubuntu = new DistributionView("ubuntu", "Ubuntu", "http://archive.ubuntu.com/ubuntu/",
                "http://releases.ubuntu.com/", null, List.of("noble"),
                new ReferenceViews.TraceView("NONE", null, null));
        return new ReferenceCatalog(List.of(ubuntu), Map.of("ubuntu", List.of(noble)),
                List.of(new ComponentView(component)));
    }
}
