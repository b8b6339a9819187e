package org.mirrorwatch.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CursorsTest {

    @Test
    void aKeyOfSeveralParts_survivesTheCursor_whateverThePartsHold() {
        String key = Cursors.join("-last-probe", "", "Côte d'Ivoire.\nname");

        assertEquals(List.of("-last-probe", "", "Côte d'Ivoire.\nname"),
                Cursors.split(Cursors.decode(Cursors.encode(key)), 3));
    }

    @Test
    void aKeyOfAnotherShape_isRefusedAsTheCursor() {
        InvalidInputException parts = assertThrows(InvalidInputException.class,
                () -> Cursors.split(Cursors.join("freshness", "m0001"), 3));
        assertEquals("cursor", parts.getErrors().get(0).field());
        assertThrows(InvalidInputException.class, () -> Cursors.split("m0001", 2));
        assertThrows(InvalidInputException.class, () -> Cursors.split("***.***", 2));
    }
}
