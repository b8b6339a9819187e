package org.mirrorwatch.registry.entity;

import org.mirrorwatch.reference.entity.MirrorUrl;
import org.mirrorwatch.reference.entity.UrlScheme;
import org.mirrorwatch.reference.entity.PackagePublishingPocket;
import org.mirrorwatch.platform.ConflictException;

import static org.junit.jupiter.api.Assertions.assertThrows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistributionMirrorTest {

    private final TestWorld world = new TestWorld();

    @Test
    void newMirror_startsDisabledPendingReviewAndUnofficial() {
        DistributionMirror mirror = world.mirror("foobarmirror", MirrorContent.ARCHIVE);

        assertFalse(mirror.isEnabled());
        assertEquals(Optional.empty(), mirror.getDisabledBy());
        assertEquals(ReviewStatus.PENDING_REVIEW, mirror.getReviewStatus());
        assertFalse(mirror.isOfficial());
        assertEquals("http://foobarmirror.example.org/pub/", mirror.getBaseUrl().value());
    }

    @ParameterizedTest(name = "candidate={0}, review={1} -> official={2}")
    @CsvSource({
            "true,  OFFICIAL,       true",
            "false, OFFICIAL,       false",
            "true,  PENDING_REVIEW, false",
            "true,  UNOFFICIAL,     false",
            "true,  BROKEN,         false",
    })
    void isOfficial_needsACandidateThatAnAdminApproved(boolean candidate, ReviewStatus review, boolean official) {
        DistributionMirror mirror = world.mirror("m1", MirrorContent.ARCHIVE);
        mirror.applyForOfficialStatus(candidate);
        mirror.review(world.fooBar, review, "checked", TestWorld.NOW);

        assertEquals(official, mirror.isOfficial());
        assertEquals(Optional.of(world.fooBar), mirror.getReviewer());
        assertEquals(Optional.of(TestWorld.NOW), mirror.getDateReviewed());
    }

    @Test
    void disableByProber_remembersTheProber_andReenableBringsItBack() {
        DistributionMirror mirror = world.mirror("m1", MirrorContent.ARCHIVE);
        mirror.enable();

        assertTrue(mirror.disableByProber());
        assertFalse(mirror.isEnabled());
        assertEquals(Optional.of(DisabledBy.PROBER), mirror.getDisabledBy());
        assertFalse(mirror.disableByProber(), "it was not enabled any more");

        assertTrue(mirror.reenableByProber());
        assertTrue(mirror.isEnabled());
        assertEquals(Optional.empty(), mirror.getDisabledBy());
        assertFalse(mirror.reenableByProber(), "it is enabled already");
    }

    @Test
    void aMirrorAnAdminDisabled_staysDisabledForTheProber() {
        DistributionMirror mirror = world.mirror("m1", MirrorContent.ARCHIVE);
        mirror.enable();
        mirror.disableByAdmin();

        assertFalse(mirror.disableByProber());
        assertEquals(Optional.of(DisabledBy.ADMIN), mirror.getDisabledBy());
        assertFalse(mirror.reenableByProber());
        assertFalse(mirror.isEnabled());

        mirror.enable();
        assertTrue(mirror.isEnabled());
    }

    @Test
    void aNewMirrorThatNeverRan_isNotReenabledByTheProber() {
        assertFalse(world.mirror("m1", MirrorContent.ARCHIVE).reenableByProber());
    }

    @Test
    void guessPackagesPaths_coversEverySeriesArchPocketAndComponent_inLaunchpadsOrder() {
        List<PackagesIndexPath> paths = world.mirror("m1", MirrorContent.ARCHIVE).guessPackagesPaths();

        assertEquals(2 * 5 * 2, paths.size());
        assertEquals("dists/warty/main/binary-i386/Packages.gz", paths.get(0).path());
        assertEquals(world.wartyI386, paths.get(0).archRelease());
        assertEquals(PackagePublishingPocket.RELEASE, paths.get(0).pocket());
        assertEquals(world.main, paths.get(0).component());
        assertEquals("dists/warty/restricted/binary-i386/Packages.gz", paths.get(1).path());
        assertEquals("dists/warty-backports/main/binary-i386/Packages.gz", paths.get(2).path());
        assertEquals("dists/hoary-proposed/restricted/binary-i386/Packages.gz", paths.get(19).path());
    }

    @Test
    void guessSourcesPaths_coversEverySeriesPocketAndComponent() {
        List<SourcesIndexPath> paths = world.mirror("m1", MirrorContent.ARCHIVE).guessSourcesPaths();

        assertEquals(2 * 5 * 2, paths.size());
        assertEquals("dists/warty/main/source/Sources.gz", paths.get(0).path());
        assertEquals(world.warty, paths.get(0).release());
        assertEquals("dists/hoary-security/main/source/Sources.gz", paths.get(14).path());
    }

    @Test
    void overallFreshness_ofAnArchiveMirror_isItsStalestKnownRecord() {
        DistributionMirror mirror = world.mirror("m1", MirrorContent.ARCHIVE);
        assertEquals(MirrorStatus.UNKNOWN, mirror.getOverallFreshness(), "no record at all");

        MirrorDistroArchRelease binaries = new MirrorDistroArchRelease(mirror, world.wartyI386,
                PackagePublishingPocket.RELEASE, world.main);
        assertEquals(MirrorStatus.UNKNOWN, mirror.getOverallFreshness(), "only unknown records");

        binaries.setFreshness(MirrorStatus.ONEHOURBEHIND);
        MirrorDistroReleaseSource sources = new MirrorDistroReleaseSource(mirror, world.warty,
                PackagePublishingPocket.RELEASE, world.main);
        sources.setFreshness(MirrorStatus.UP);
        new MirrorDistroReleaseSource(mirror, world.hoary, PackagePublishingPocket.RELEASE, world.main);
        assertEquals(MirrorStatus.ONEHOURBEHIND, mirror.getOverallFreshness(), "the unknown one is ignored");

        sources.setFreshness(MirrorStatus.TWODAYSBEHIND);
        assertEquals(MirrorStatus.TWODAYSBEHIND, mirror.getOverallFreshness());
    }

    @Test
    void overallFreshness_ofAReleaseMirror_isUpWithAnyCdImage() {
        DistributionMirror mirror = world.mirror("cdimage", MirrorContent.RELEASE);
        assertEquals(MirrorStatus.UNKNOWN, mirror.getOverallFreshness());

        new MirrorCDImageDistroRelease(mirror, world.hoary, "ubuntu");
        assertEquals(MirrorStatus.UP, mirror.getOverallFreshness());
    }

    @Test
    void contentRecords_areEqualByTheirBusinessKey() {
        DistributionMirror mirror = world.mirror("m1", MirrorContent.ARCHIVE);
        MirrorDistroArchRelease one = new MirrorDistroArchRelease(mirror, world.wartyI386,
                PackagePublishingPocket.RELEASE, world.main);
        MirrorDistroArchRelease same = new MirrorDistroArchRelease(mirror, world.wartyI386,
                PackagePublishingPocket.RELEASE, world.main);
        MirrorDistroArchRelease otherPocket = new MirrorDistroArchRelease(mirror, world.wartyI386,
                PackagePublishingPocket.UPDATES, world.main);

        assertEquals(one, same);
        assertEquals(one.hashCode(), same.hashCode());
        assertFalse(one.equals(otherPocket));
    }

    @Test
    void person_mailbox_isTheSeedsToAddress() {
        assertEquals("Foo Bar <foo.bar@canonical.com>", world.fooBar.getMailbox());
    }

    @Test
    void resubmitForReview_sendsABrokenMirrorBackToTheQueue_only() {
        DistributionMirror mirror = world.mirror("m1", MirrorContent.ARCHIVE);
        ConflictException notBroken = assertThrows(ConflictException.class, mirror::resubmitForReview);
        assertEquals("Only a mirror reviewed as broken can be resubmitted; m1 is pending review.", notBroken.getMessage());

        mirror.review(world.fooBar, ReviewStatus.BROKEN, "404 everywhere", TestWorld.NOW);
        mirror.resubmitForReview();

        assertEquals(ReviewStatus.PENDING_REVIEW, mirror.getReviewStatus());
    }

    @Test
    void designateCountryDnsMirror_needsAnOfficialEnabledProbedWebMirror_andSaysWhatIsMissing() {
        DistributionMirror mirror = world.mirror("m1", MirrorContent.ARCHIVE);
        ConflictException refused = assertThrows(ConflictException.class, () -> mirror.designateCountryDnsMirror(false));
        assertEquals("m1 cannot be the country DNS mirror: it is not official, it is disabled, it was never probed.",
                refused.getMessage());
        assertFalse(mirror.isCountryDnsMirror());

        qualify(mirror);
        mirror.designateCountryDnsMirror(true);

        assertTrue(mirror.isCountryDnsMirror());
    }

    @Test
    void aCountryDnsMirror_losesTheRole_assoonAsItStopsQualifying() {
        List<java.util.function.Consumer<DistributionMirror>> changes = List.of(
                DistributionMirror::disableByAdmin,
                mirror -> mirror.disableByProber(),
                mirror -> mirror.review(world.fooBar, ReviewStatus.UNOFFICIAL, null, TestWorld.NOW),
                mirror -> mirror.applyForOfficialStatus(false),
                mirror -> mirror.changeUrls(new MirrorUrls(null, null, MirrorUrl.of(UrlScheme.FTP, "ftp://m1.example.org/"),
                        null)));
        for (var change : changes) {
            DistributionMirror mirror = world.mirror("m1", MirrorContent.ARCHIVE);
            qualify(mirror);
            mirror.designateCountryDnsMirror(true);

            change.accept(mirror);

            assertFalse(mirror.isCountryDnsMirror());
        }
    }

    private void qualify(DistributionMirror mirror) {
        mirror.applyForOfficialStatus(true);
        mirror.review(world.fooBar, ReviewStatus.OFFICIAL, null, TestWorld.NOW);
        mirror.enable();
    }
}
