package org.mirrorwatch.reference.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.reference.entity.TraceFormat;

class TraceFormTest {

    @Test
    void debiansTrace_andFtpsyncsMarker_areTaken() {
        TraceForm valid = new TraceForm(TraceFormat.DEBIAN, "project/trace/ftp-master.debian.org",
                "Archive-Update-in-Progress-{host}").validate();
        assertEquals("project/trace/ftp-master.debian.org", valid.path());
        assertEquals("Archive-Update-in-Progress-{host}", valid.syncMarker());
    }

    @Test
    void none_withoutPath_andEmptyMarker_isNone() {
        TraceForm valid = new TraceForm(TraceFormat.NONE, "", " ").validate();
        assertEquals(null, valid.path());
        assertEquals(null, valid.syncMarker());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/project/trace/x", "project/../x", "project//x", "project/trace/", "./lastsync",
            "http://x/lastsync", "trace?x", "trace x", "tr\u0000ace", "project/trace/ftp-master.debian.org\n"})
    void badPaths_areRefusedByName(String path) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> new TraceForm(TraceFormat.DEBIAN, path, null).validate());
        assertEquals("path", refused.getErrors().get(0).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "{host}", "x-{host}-{host}", "..", "{hostname}", "Archive Update"})
    void badMarkers_areRefusedByName(String marker) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> new TraceForm(TraceFormat.NONE, null, marker).validate());
        assertEquals("syncMarker", refused.getErrors().get(0).field());
    }

    @Test
    void aFormat_isRequired_andNoneHasNoPath() {
        assertThrows(InvalidInputException.class, () -> new TraceForm(null, null, null).validate());
        assertThrows(InvalidInputException.class, () -> new TraceForm(TraceFormat.NONE, "lastsync", null).validate());
        assertThrows(InvalidInputException.class, () -> new TraceForm(TraceFormat.ARCH_LASTSYNC, null, null).validate());
    }
}
