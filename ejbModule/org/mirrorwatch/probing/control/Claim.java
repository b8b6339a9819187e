package org.mirrorwatch.probing.control;

import java.util.List;

/**
 * A host's share of a round, as an instance has taken it: the claim and the mirrors it has still to
 * record (all of them, unless an instance that stopped recorded some before).
 */
record Claim(long id, String host, List<Long> mirrorIds) {

    Claim {
        mirrorIds = List.copyOf(mirrorIds);
    }
}
