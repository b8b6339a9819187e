package org.mirrorwatch.registry.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mirrorwatch.registry.entity.MirrorStatus.ONEDAYBEHIND;
import static org.mirrorwatch.registry.entity.MirrorStatus.ONEHOURBEHIND;
import static org.mirrorwatch.registry.entity.MirrorStatus.ONEWEEKBEHIND;
import static org.mirrorwatch.registry.entity.MirrorStatus.SIXHOURSBEHIND;
import static org.mirrorwatch.registry.entity.MirrorStatus.TWODAYSBEHIND;
import static org.mirrorwatch.registry.entity.MirrorStatus.TWOHOURSBEHIND;
import static org.mirrorwatch.registry.entity.MirrorStatus.UNKNOWN;
import static org.mirrorwatch.registry.entity.MirrorStatus.UP;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mirrorwatch.registry.boundary.ContentMatrix.Cell;
import org.mirrorwatch.registry.boundary.ContentMatrix.ComponentFreshness;
import org.mirrorwatch.registry.boundary.MirrorReports.ContentRow;
import org.mirrorwatch.registry.entity.MirrorStatus;

class ContentMatrixTest {

    private static final Map<String, String> VERSIONS = Map.of("warty", "4.10", "hoary", "5.04", "noble", "24.04",
            "jammy", "22.04");

    private static ContentRow binary(String series, String architecture, String pocket, String component,
            MirrorStatus freshness) {
        return new ContentRow(series, architecture, pocket, component, freshness);
    }

    private static ContentRow source(String series, String pocket, String component, MirrorStatus freshness) {
        return new ContentRow(series, null, pocket, component, freshness);
    }

    private static List<String> suites(ContentMatrix matrix) {
        return matrix.rows().stream().map(ContentMatrix.Row::suite).toList();
    }

    private static Cell cell(ContentMatrix matrix, String suite, String column) {
        return matrix.rows().stream().filter(row -> row.suite().equals(suite)).findFirst().orElseThrow().cells()
                .get(matrix.columns().indexOf(column));
    }

    @Test
    void columns_areTheArchitecturesInAlphabeticalOrder_thenSource() {
        ContentMatrix matrix = ContentMatrix.of(List.of(binary("noble", "i386", "RELEASE", "main", UP),
                binary("noble", "amd64", "RELEASE", "main", UP), binary("noble", "arm64", "RELEASE", "main", UP)),
                List.of(source("noble", "RELEASE", "main", UP)), VERSIONS);

        assertEquals(List.of("amd64", "arm64", "i386", "source"), matrix.columns());
    }

    @Test
    void aMirrorWithoutSources_hasNoSourceColumn_andOneWithoutBinariesOnlyIt() {
        assertEquals(List.of("amd64"), ContentMatrix.of(List.of(binary("noble", "amd64", "RELEASE", "main", UP)),
                List.of(), VERSIONS).columns());
        assertEquals(List.of("source"), ContentMatrix.of(List.of(), List.of(source("noble", "RELEASE", "main", UP)),
                VERSIONS).columns());
    }

    @Test
    void rows_areTheNewestSeriesFirst_byVersionNotByName_eachWithItsSuitesInSourcesListOrder() {
        List<ContentRow> binaries = List.of(binary("warty", "i386", "RELEASE", "main", UP),
                binary("hoary", "i386", "PROPOSED", "main", UP), binary("hoary", "i386", "BACKPORTS", "main", UP),
                binary("hoary", "i386", "SECURITY", "main", UP), binary("hoary", "i386", "UPDATES", "main", UP),
                binary("hoary", "i386", "RELEASE", "main", UP), binary("noble", "amd64", "SECURITY", "main", UP),
                binary("jammy", "amd64", "RELEASE", "main", UP));

        assertEquals(List.of("noble-security", "jammy", "hoary", "hoary-updates", "hoary-security", "hoary-backports",
                "hoary-proposed", "warty"), suites(ContentMatrix.of(binaries, List.of(), VERSIONS)));
    }

    @Test
    void aSeriesWithoutAKnownVersion_comesLast_byName() {
        List<ContentRow> binaries = List.of(binary("zesty", "amd64", "RELEASE", "main", UP),
                binary("artful", "amd64", "RELEASE", "main", UP), binary("warty", "amd64", "RELEASE", "main", UP));

        assertEquals(List.of("warty", "artful", "zesty"), suites(ContentMatrix.of(binaries, List.of(), VERSIONS)));
    }

    @Test
    void aCell_takesTheStalestFreshnessOfItsComponents_andListsThemAlphabetically() {
        ContentMatrix matrix = ContentMatrix.of(List.of(binary("noble", "amd64", "UPDATES", "universe", ONEDAYBEHIND),
                binary("noble", "amd64", "UPDATES", "main", UP), binary("noble", "amd64", "UPDATES", "restricted",
                        ONEDAYBEHIND)), List.of(), VERSIONS);

        Cell cell = cell(matrix, "noble-updates", "amd64");
        assertEquals(ONEDAYBEHIND, cell.freshness());
        assertTrue(cell.mixed());
        assertEquals(List.of(new ComponentFreshness("main", UP), new ComponentFreshness("restricted", ONEDAYBEHIND),
                new ComponentFreshness("universe", ONEDAYBEHIND)), cell.components());
        assertEquals(List.of("restricted", "universe"), cell.stalestComponents());
        assertEquals("noble-updates amd64: one day behind (restricted, universe)", cell.sentence());
        assertEquals("noble-updates amd64: main up to date, restricted one day behind, universe one day behind",
                cell.detail());
    }

    @Test
    void unknown_isStalerThanAWeekBehind() {
        ContentMatrix matrix = ContentMatrix.of(List.of(binary("noble", "amd64", "RELEASE", "main", ONEWEEKBEHIND),
                binary("noble", "amd64", "RELEASE", "universe", UNKNOWN)), List.of(), VERSIONS);

        assertEquals(UNKNOWN, cell(matrix, "noble", "amd64").freshness());
        assertEquals("noble amd64: freshness unknown (universe)", cell(matrix, "noble", "amd64").sentence());
    }

    @Test
    void aCellTheMirrorDoesNotCarry_isEmpty_andNotBehind() {
        ContentMatrix matrix = ContentMatrix.of(List.of(binary("noble", "amd64", "RELEASE", "main", UP),
                binary("noble", "amd64", "UPDATES", "main", TWOHOURSBEHIND)),
                List.of(source("noble", "RELEASE", "main", UP)), VERSIONS);

        Cell missing = cell(matrix, "noble-updates", "source");
        assertFalse(missing.carried());
        assertNull(missing.freshness());
        assertEquals(List.of(), missing.components());
        assertFalse(missing.mixed());
        assertEquals(List.of("noble-updates amd64: two hours behind"), matrix.behind().stream().map(Cell::sentence)
                .toList());
    }

    @Test
    void whenEveryComponentAgrees_theSentenceNamesNone() {
        ContentMatrix matrix = ContentMatrix.of(List.of(binary("noble", "arm64", "UPDATES", "main", ONEDAYBEHIND),
                binary("noble", "arm64", "UPDATES", "universe", ONEDAYBEHIND)), List.of(), VERSIONS);

        Cell cell = cell(matrix, "noble-updates", "arm64");
        assertFalse(cell.mixed());
        assertEquals("noble-updates arm64: one day behind", cell.sentence());
    }

    @Test
    void theSummary_namesTheStalestCellsFirst_inTableOrderAmongEquals_atMostFive_andCountsTheRest() {
        ContentMatrix matrix = ContentMatrix.of(List.of(binary("jammy", "amd64", "RELEASE", "main", ONEHOURBEHIND),
                binary("noble", "amd64", "RELEASE", "main", UP),
                binary("noble", "arm64", "RELEASE", "main", SIXHOURSBEHIND),
                binary("noble", "amd64", "UPDATES", "main", TWODAYSBEHIND),
                binary("noble", "arm64", "UPDATES", "main", TWODAYSBEHIND),
                binary("noble", "amd64", "SECURITY", "main", ONEWEEKBEHIND),
                binary("jammy", "arm64", "RELEASE", "main", ONEHOURBEHIND)),
                List.of(source("noble", "UPDATES", "main", TWOHOURSBEHIND)), VERSIONS);

        assertEquals(List.of("noble-security amd64: one week behind", "noble-updates amd64: two days behind",
                "noble-updates arm64: two days behind", "noble arm64: six hours behind",
                "noble-updates source: two hours behind"), matrix.stalest().stream().map(Cell::sentence).toList());
        assertEquals(2, matrix.moreBehind());
        assertEquals(7, matrix.behind().size());
        assertFalse(matrix.upToDate());
    }

    @Test
    void aMirrorUpToDateEverywhere_hasNothingBehind() {
        ContentMatrix matrix = ContentMatrix.of(List.of(binary("noble", "amd64", "RELEASE", "main", UP)),
                List.of(source("noble", "RELEASE", "main", UP)), VERSIONS);

        assertTrue(matrix.upToDate());
        assertEquals(List.of(), matrix.stalest());
        assertEquals(0, matrix.moreBehind());
        assertFalse(matrix.carriesNothing());
        assertTrue(ContentMatrix.of(List.of(), List.of(), VERSIONS).carriesNothing());
    }

    @Test
    void versions_compareAsNumbersPartByPart() {
        assertTrue(ContentMatrix.compareVersions("4.10", "5.04") < 0);
        assertTrue(ContentMatrix.compareVersions("24.04", "5.04") > 0);
        assertTrue(ContentMatrix.compareVersions("22.04", "22.04.1") < 0);
        assertEquals(0, ContentMatrix.compareVersions("24.04", "24.04"));
    }
}
