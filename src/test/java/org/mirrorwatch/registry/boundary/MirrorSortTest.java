package org.mirrorwatch.registry.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.registry.boundary.MirrorSort.Key;

class MirrorSortTest {

    @Test
    void everyKey_isOfferedInBothDirections_asItsTokenWithOrWithoutADash() {
        assertEquals(List.of("name", "-name", "freshness", "-freshness", "speed", "-speed", "last-probe",
                "-last-probe"), MirrorSort.all().stream().map(MirrorSort::token).toList());
    }

    @Test
    void parse_takesExactlyTheTokens_andNothingElse() {
        assertEquals(Optional.of(new MirrorSort(Key.FRESHNESS, true)), MirrorSort.parse("-freshness"));
        assertEquals(Optional.of(new MirrorSort(Key.LAST_PROBE, false)), MirrorSort.parse("last-probe"));
        assertEquals(Optional.of(MirrorSort.BY_NAME), MirrorSort.parse("name"));
        for (String wrong : new String[] {null, "", "FRESHNESS", " freshness", "--speed", "+speed", "last_probe",
                "LAST_PROBE", "freshness,-name"}) {
            assertEquals(Optional.empty(), MirrorSort.parse(wrong), wrong);
        }
    }
}
