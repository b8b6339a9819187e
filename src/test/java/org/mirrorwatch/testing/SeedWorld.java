package org.mirrorwatch.testing;

import java.util.Map;

/** The seed's world: ubuntu, warty and hoary, Foo Bar, the four mirrors and their publications. */
public final class SeedWorld {

    /** Where Launchpad's sample data points its mirrors; nothing listens there in tests that use it. */
    public static final String LAUNCHPAD_MIRROR_BASE = "http://localhost:11375/";

    private SeedWorld() {
    }

    /** Resets the database to the seed's world, with the mirrors under Launchpad's base URL. */
    public static void load() {
        load(LAUNCHPAD_MIRROR_BASE);
    }

    /** Resets the database to the seed's world, with each mirror at {@code mirrorBase + name + "/"}. */
    public static void load(String mirrorBase) {
        TestDatabase.reset(Map.of("mirrorBase", mirrorBase), "seed-world");
    }
}
