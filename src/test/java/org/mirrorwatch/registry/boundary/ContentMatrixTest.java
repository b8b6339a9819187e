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
import org.mirrorwatch.registry.boundary.ContentMatrix.Extent;
import org.mirrorwatch.registry.boundary.ContentMatrix.Lag;
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

    private static List<String> sentences(ContentMatrix matrix) {
        return matrix.lags().stream().map(Lag::sentence).toList();
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
        assertEquals(List.of("noble-updates amd64: one day behind (restricted, universe)"), sentences(matrix));
        assertEquals("noble-updates amd64: main up to date, restricted one day behind, universe one day behind",
                cell.detail());
    }

    @Test
    void unknown_isStalerThanAWeekBehind() {
        ContentMatrix matrix = ContentMatrix.of(List.of(binary("noble", "amd64", "RELEASE", "main", ONEWEEKBEHIND),
                binary("noble", "amd64", "RELEASE", "universe", UNKNOWN)), List.of(), VERSIONS);

        assertEquals(UNKNOWN, cell(matrix, "noble", "amd64").freshness());
        assertEquals(List.of("noble amd64: freshness unknown (universe)"), sentences(matrix));
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
        assertEquals(List.of("noble-updates amd64: two hours behind"), sentences(matrix));
    }

    @Test
    void whenEveryComponentAgrees_theSentenceNamesNone() {
        ContentMatrix matrix = ContentMatrix.of(List.of(binary("noble", "arm64", "UPDATES", "main", ONEDAYBEHIND),
                binary("noble", "arm64", "UPDATES", "universe", ONEDAYBEHIND)), List.of(), VERSIONS);

        Cell cell = cell(matrix, "noble-updates", "arm64");
        assertFalse(cell.mixed());
        assertEquals(List.of("noble-updates arm64: one day behind"), sentences(matrix));
    }

    @Test
    void theSummary_saysTheStalestFirst_oneLinePerSuiteThatLagsAlike_atMostFive_andCountsTheCellsLeftOut() {
        ContentMatrix matrix = ContentMatrix.of(List.of(
                binary("noble", "amd64", "RELEASE", "main", UP), binary("noble", "arm64", "RELEASE", "main", SIXHOURSBEHIND),
                binary("noble", "amd64", "UPDATES", "main", TWODAYSBEHIND),
                binary("noble", "arm64", "UPDATES", "main", TWODAYSBEHIND),
                binary("noble", "amd64", "SECURITY", "main", ONEWEEKBEHIND),
                binary("noble", "amd64", "BACKPORTS", "main", ONEDAYBEHIND),
                binary("noble", "arm64", "BACKPORTS", "main", TWOHOURSBEHIND),
                binary("noble", "amd64", "PROPOSED", "main", UNKNOWN), binary("noble", "arm64", "PROPOSED", "main", UNKNOWN),
                binary("jammy", "amd64", "RELEASE", "main", ONEHOURBEHIND),
                binary("jammy", "arm64", "RELEASE", "main", ONEHOURBEHIND)),
                List.of(source("noble", "RELEASE", "main", UP), source("noble", "UPDATES", "main", TWOHOURSBEHIND),
                        source("noble", "PROPOSED", "main", UNKNOWN)), VERSIONS);

        assertEquals(List.of("noble-proposed: freshness unknown", "noble-security amd64: one week behind",
                "noble-updates, every architecture: two days behind", "noble-backports amd64: one day behind",
                "noble arm64: six hours behind", "noble-updates source: two hours behind",
                "noble-backports arm64: two hours behind", "jammy: one hour behind"), sentences(matrix));
        assertEquals(sentences(matrix).subList(0, 5), matrix.summary().stream().map(Lag::sentence).toList());
        assertEquals(12, matrix.behind().size());
        assertEquals(4, matrix.moreBehind());
        assertFalse(matrix.upToDate());
    }

    @Test
    void cellsLaggingInTheSameComponents_shareALine_andOthersOfTheSameFreshnessGetTheirOwn() {
        ContentMatrix matrix = ContentMatrix.of(List.of(
                binary("noble", "amd64", "UPDATES", "main", UP), binary("noble", "amd64", "UPDATES", "universe", ONEDAYBEHIND),
                binary("noble", "arm64", "UPDATES", "main", UP), binary("noble", "arm64", "UPDATES", "universe", ONEDAYBEHIND),
                binary("noble", "i386", "UPDATES", "main", UP), binary("noble", "i386", "UPDATES", "universe", UP),
                binary("noble", "s390x", "UPDATES", "main", ONEDAYBEHIND),
                binary("noble", "s390x", "UPDATES", "universe", ONEDAYBEHIND)), List.of(), VERSIONS);

        assertEquals(List.of("noble-updates amd64, arm64: one day behind (universe)", "noble-updates s390x: one day behind"),
                sentences(matrix));
        assertEquals(List.of(Extent.COLUMNS, Extent.COLUMNS), matrix.lags().stream().map(Lag::extent).toList());
        assertEquals(0, matrix.moreBehind());
    }

    @Test
    void aMirrorUpToDateEverywhere_hasNothingBehind() {
        ContentMatrix matrix = ContentMatrix.of(List.of(binary("noble", "amd64", "RELEASE", "main", UP)),
                List.of(source("noble", "RELEASE", "main", UP)), VERSIONS);

        assertTrue(matrix.upToDate());
        assertEquals(List.of(), matrix.summary());
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
