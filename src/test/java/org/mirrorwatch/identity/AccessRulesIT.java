package org.mirrorwatch.identity;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.mirrorwatch.identity.boundary.ApiTokenFacade;
import org.mirrorwatch.identity.boundary.AuditEntry;
import org.mirrorwatch.identity.boundary.AuditFacade;
import org.mirrorwatch.identity.entity.AuditAction;
import org.mirrorwatch.identity.entity.ApiTokenScope;
import org.mirrorwatch.librarian.StoredFile;
import org.mirrorwatch.platform.AccessDeniedException;
import org.mirrorwatch.platform.ConflictException;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.probing.boundary.ProbeRounds;
import org.mirrorwatch.probing.entity.RunState;
import org.mirrorwatch.probing.entity.RunTrigger;
import org.mirrorwatch.registry.boundary.DistributionFacade;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.registry.boundary.MirrorSummary;
import org.mirrorwatch.registry.boundary.MirrorForm;
import org.mirrorwatch.identity.boundary.PersonFacade;
import org.mirrorwatch.registry.entity.DistributionMirror;
import org.mirrorwatch.registry.entity.MirrorContent;
import org.mirrorwatch.registry.entity.MirrorPulseType;
import org.mirrorwatch.registry.entity.MirrorSpeed;
import org.mirrorwatch.registry.entity.ReviewStatus;
import org.mirrorwatch.testing.Deployments;
import org.mirrorwatch.testing.Failures;
import org.mirrorwatch.testing.RegistryTestData;
import org.mirrorwatch.testing.TestDatabase;
import org.mirrorwatch.testing.TestLogin;

/**
 * Every rule of the mirror registry, at the facades: the allowed person succeeds, the others get the
 * container's refusal of their role (EJBAccessException) or the ownership rule's (AccessDeniedException),
 * and nothing changes for them. Admin actions leave an audit row. The world is access-world.sql.
 */
@ExtendWith(ArquillianExtension.class)
class AccessRulesIT {

    private static final long UBUNTU = 1;

    @Deployment
    static WebArchive deployment() {
        return Deployments.withLibraryOf(Deployments.mirrorwatch(), Awaitility.class, Matcher.class);
    }

    @Inject
    DistributionFacade distributions;

    @Inject
    MirrorFacade mirrors;

    @Inject
    RegistryTestData registry;

    @Inject
    PersonFacade people;

    @Inject
    ProbeRounds rounds;

    @Inject
    AuditFacade audit;

    @Inject
    ApiTokenFacade tokens;

    @BeforeEach
    void world() {
        TestDatabase.reset("access-world");
        TestLogin.logout();
    }

    // --- anyone ---------------------------------------------------------------------------------------

    @Test
    void anyone_readsThePublicData_withoutLoggingIn() {
        assertEquals(List.of("alice-mirror", "alice-pending", "bob-mirror", "bob-unofficial"),
                registry.enabledMirrors(UBUNTU).stream().map(DistributionMirror::getName).toList());
        assertEquals("alice", mirrors.mirror("alice-mirror").owner());
        assertTrue(mirrors.probeRecords(id("alice-mirror"), 10).isEmpty());
    }

    // --- registering ----------------------------------------------------------------------------------

    @Test
    void aPerson_registersAMirrorForThemselves_butNotForSomeoneElse() {
        TestLogin.as("alice");
        MirrorSummary mine = distributions.newMirror(UBUNTU, person("alice"), form("alice-two", "http://two.example.org/"));
        assertEquals("alice", mine.owner());

        Failures.thrown(AccessDeniedException.class,
                () -> distributions.newMirror(UBUNTU, person("bob"), form("for-bob", "http://for-bob.example.org/")));
        assertTrue(mirrors.findMirror("for-bob").isEmpty());
    }

    @Test
    void anAdmin_registersAMirrorForAnyone_andItIsAudited() {
        TestLogin.as("admin");
        MirrorSummary bobs = distributions.newMirror(UBUNTU, person("bob"), form("for-bob", "http://for-bob.example.org/"));

        assertEquals("bob", bobs.owner());
        AuditEntry event = latestAudit();
        assertEquals(AuditAction.MIRROR_REGISTERED, event.action());
        assertEquals("admin", event.actorName());
        assertTrue(event.afterState().contains("\"owner\":\"bob\""));
    }

    @Test
    void anonymous_cannotRegister() {
        refused(() -> distributions.newMirror(UBUNTU, person("alice"), form("anon", "http://anon.example.org/")));
        assertTrue(mirrors.findMirror("anon").isEmpty());
    }

    // --- editing --------------------------------------------------------------------------------------

    @Test
    void theOwner_editsTheirMirror_andTheUrlChangeIsAudited() {
        TestLogin.as("alice");
        mirrors.edit(id("alice-mirror"), form("alice-mirror", "http://new.alice.example.org/ubuntu"));

        assertEquals("http://new.alice.example.org/ubuntu/",
                mirrors.mirror("alice-mirror").httpBaseUrl());
        TestLogin.as("admin");
        AuditEntry event = audit.ofMirror(id("alice-mirror")).get(0);
        assertEquals(AuditAction.MIRROR_URLS_CHANGED, event.action());
        assertEquals("alice", event.actorName());
        assertTrue(event.beforeState().contains("http://alice.example.org/ubuntu/"));
        assertTrue(event.afterState().contains("http://new.alice.example.org/ubuntu/"));
    }

    @Test
    void anotherOwner_cannotEditTheMirror_andNothingChanges() {
        TestLogin.as("bob");
        Failures.thrown(AccessDeniedException.class,
                () -> mirrors.edit(id("alice-mirror"), form("alice-mirror", "http://bob.was.here/")));

        assertEquals("http://alice.example.org/ubuntu/",
                mirrors.mirror("alice-mirror").httpBaseUrl());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM audit_event"));
    }

    @Test
    void anAdmin_editsAnyMirror_andAnonymousCannot() {
        refused(() -> mirrors.edit(id("bob-mirror"), form("bob-mirror", "http://anon.example.org/")));

        TestLogin.as("admin");
        mirrors.edit(id("bob-mirror"), form("bob-renamed", "http://bob.example.org/ubuntu/"));
        assertTrue(mirrors.findMirror("bob-renamed").isPresent());
        assertEquals(AuditAction.MIRROR_EDITED, latestAudit().action());
    }

    // --- resubmitting ---------------------------------------------------------------------------------

    @Test
    void theOwner_resubmitsABrokenMirror_butNotOneInAnotherState() {
        TestLogin.as("bob");
        assertEquals(ReviewStatus.PENDING_REVIEW, mirrors.resubmitForReview(id("bob-broken")).reviewStatus());

        Failures.thrown(ConflictException.class, () -> mirrors.resubmitForReview(id("bob-mirror")));
        assertEquals(ReviewStatus.OFFICIAL, mirrors.mirror("bob-mirror").reviewStatus());
    }

    @Test
    void anotherOwner_cannotResubmit() {
        TestLogin.as("alice");
        Failures.thrown(AccessDeniedException.class, () -> mirrors.resubmitForReview(id("bob-broken")));
        TestLogin.as("bob");
        assertEquals(ReviewStatus.BROKEN, mirrors.mirror("bob-broken").reviewStatus());
    }

    // --- probe logs -----------------------------------------------------------------------------------

    @Test
    void probeLogs_areReadByTheOwnerAndAdmins_only() {
        TestLogin.as("admin");
        long log = registry.newProbeRecord(id("alice-mirror"), "Probing alice-mirror\n").getLogFile().getId();

        TestLogin.as("alice");
        StoredFile file = mirrors.probeLog(log);
        assertEquals("Probing alice-mirror\n", new String(file.content()));
        TestLogin.as("bob");
        Failures.thrown(AccessDeniedException.class, () -> mirrors.probeLog(log));
        TestLogin.logout();
        refused(() -> mirrors.probeLog(log));
        TestLogin.as("admin");
        assertNotNull(mirrors.probeLog(log));
    }

    // --- the administrators' actions ------------------------------------------------------------------

    @Test
    void review_isForAdmins_andRecordsTheReviewerDateAndAnAuditRow() {
        TestLogin.as("alice");
        refused(() -> mirrors.review(id("alice-pending"), ReviewStatus.OFFICIAL, "self-approved"));
        assertEquals(ReviewStatus.PENDING_REVIEW, mirrors.mirror("alice-pending").reviewStatus());

        TestLogin.as("admin");
        MirrorSummary reviewed = mirrors.review(id("alice-pending"), ReviewStatus.OFFICIAL, "Checked the sync.");

        assertEquals(ReviewStatus.OFFICIAL, reviewed.reviewStatus());
        assertEquals("admin", reviewed.reviewer());
        assertNotNull(reviewed.dateReviewed());
        assertEquals("Checked the sync.", reviewed.whiteboard());
        AuditEntry event = latestAudit();
        assertEquals(AuditAction.MIRROR_REVIEWED, event.action());
        assertTrue(event.beforeState().contains("\"reviewStatus\":\"PENDING_REVIEW\""));
        assertTrue(event.afterState().contains("\"reviewStatus\":\"OFFICIAL\""));
    }

    @Test
    void reassigningTheOwner_isForAdmins_andAudited() {
        TestLogin.as("alice");
        refused(() -> mirrors.reassignOwner(id("alice-mirror"), "bob"));

        TestLogin.as("admin");
        assertEquals("bob", mirrors.reassignOwner(id("alice-mirror"), "bob").owner());
        AuditEntry event = latestAudit();
        assertEquals(AuditAction.MIRROR_OWNER_CHANGED, event.action());
        assertTrue(event.beforeState().contains("\"owner\":\"alice\""));
        assertTrue(event.afterState().contains("\"owner\":\"bob\""));
        TestLogin.as("alice");
        Failures.thrown(AccessDeniedException.class,
                () -> mirrors.edit(id("alice-mirror"), form("alice-mirror", "http://alice.example.org/ubuntu/")));
    }

    @Test
    void deleting_isForAdmins_andOnlyForAMirrorThatWasNeverProbed() {
        TestLogin.as("bob");
        refused(() -> mirrors.delete(id("bob-unofficial")));

        TestLogin.as("admin");
        registry.newProbeRecord(id("bob-mirror"), "probed");
        Failures.thrown(ConflictException.class, () -> mirrors.delete(id("bob-mirror")));
        mirrors.delete(id("bob-unofficial"));

        assertTrue(mirrors.findMirror("bob-unofficial").isEmpty());
        assertTrue(mirrors.findMirror("bob-mirror").isPresent());
        AuditEntry event = latestAudit();
        assertEquals(AuditAction.MIRROR_DELETED, event.action());
        assertEquals("bob-unofficial", event.subjectName());
        assertNull(event.afterState());
    }

    @Test
    void theCountryDnsMirror_isForAdmins_onlyQualifiedMirrors_andAtMostOnePerCountryAndContent() {
        TestLogin.as("alice");
        refused(() -> mirrors.designateCountryDnsMirror(id("alice-mirror")));

        TestLogin.as("admin");
        ConflictException unprobed = Failures.thrown(ConflictException.class,
                () -> mirrors.designateCountryDnsMirror(id("alice-mirror")));
        assertTrue(unprobed.getMessage().contains("never probed"), unprobed.getMessage());
        registry.newProbeRecord(id("alice-mirror"), "probed");
        registry.newProbeRecord(id("bob-mirror"), "probed");
        registry.newProbeRecord(id("bob-broken"), "probed");

        assertTrue(mirrors.designateCountryDnsMirror(id("alice-mirror")).countryDnsMirror());
        ConflictException taken = Failures.thrown(ConflictException.class,
                () -> mirrors.designateCountryDnsMirror(id("bob-mirror")));
        assertTrue(taken.getMessage().contains("alice-mirror is already the France DNS mirror"), taken.getMessage());
        ConflictException unqualified = Failures.thrown(ConflictException.class,
                () -> mirrors.designateCountryDnsMirror(id("bob-broken")));
        assertTrue(unqualified.getMessage().contains("it is not official, it is disabled, it has no HTTP or HTTPS URL"),
                unqualified.getMessage());
        assertEquals(AuditAction.COUNTRY_DNS_MIRROR_DESIGNATED, latestAudit().action());

        mirrors.disable(id("alice-mirror"));
        assertFalse(mirrors.mirror("alice-mirror").countryDnsMirror(), "a disabled mirror loses the role");
        mirrors.enable(id("alice-mirror"));
        mirrors.designateCountryDnsMirror(id("bob-mirror"));
        mirrors.removeCountryDnsMirror(id("bob-mirror"));
        assertEquals(AuditAction.COUNTRY_DNS_MIRROR_REMOVED, latestAudit().action());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM distribution_mirror WHERE country_dns_mirror"));
    }

    @Test
    void theDisabledPendingAndUnofficialLists_areForAdmins() {
        TestLogin.as("alice");
        refused(() -> distributions.disabledMirrors(UBUNTU));
        refused(() -> distributions.pendingReviewMirrors(UBUNTU));
        refused(() -> distributions.unofficialMirrors(UBUNTU));

        TestLogin.as("admin");
        mirrors.disable(id("bob-mirror"));
        assertEquals(List.of("bob-mirror"), names(distributions.disabledMirrors(UBUNTU)));
        assertEquals(List.of("alice-pending"), names(distributions.pendingReviewMirrors(UBUNTU)));
        assertEquals(List.of("bob-unofficial"), names(distributions.unofficialMirrors(UBUNTU)));
    }

    @Test
    void enablingAndDisabling_areForAdmins_andAudited() {
        TestLogin.as("bob");
        refused(() -> mirrors.disable(id("bob-mirror")));
        refused(() -> mirrors.enable(id("bob-broken")));

        TestLogin.as("admin");
        assertFalse(mirrors.disable(id("bob-mirror")).enabled());
        assertEquals(AuditAction.MIRROR_DISABLED, latestAudit().action());
        assertTrue(mirrors.enable(id("bob-mirror")).enabled());
        assertEquals(AuditAction.MIRROR_ENABLED, latestAudit().action());
    }

    @Test
    void runningTheProber_isForAdmins_andAudited() {
        TestLogin.as("alice");
        refused(() -> rounds.startRound(MirrorContent.RELEASE, RunTrigger.MANUAL));
        refused(() -> rounds.probeMirrorNow(id("alice-mirror")));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM probe_run"));

        TestLogin.as("admin");
        long run = rounds.probeMirrorNow(id("alice-pending")).id();
        // Its URL is a loopback address outside the allowed block, so the probe is refused at once.
        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.getRun(run).state() != RunState.RUNNING);
        AuditEntry event = latestAudit();
        assertEquals(AuditAction.MIRROR_PROBED_NOW, event.action());
        assertEquals("alice-pending", event.subjectName());
        assertTrue(event.afterState().contains("\"round\":" + run));
    }

    @Test
    void theAuditTrail_isReadByAdminsOnly() {
        TestLogin.as("alice");
        refused(() -> audit.recent(10));
        refused(() -> audit.ofMirror(id("alice-mirror")));
        TestLogin.as("admin");
        assertTrue(audit.recent(10).isEmpty());
    }

    @Test
    void apiTokens_belongToTheirOwner() {
        TestLogin.as("alice");
        long token = tokens.create("deploy script", 30, ApiTokenScope.FULL).token().id();
        TestLogin.as("bob");
        assertTrue(tokens.myTokens().isEmpty());
        Failures.thrown(NotFoundException.class, () -> tokens.revoke(token));
        TestLogin.as("alice");
        assertNull(tokens.myTokens().get(0).revokedAt());
        TestLogin.logout();
        refused(() -> tokens.myTokens());
    }

    @Test
    void anUnconfirmedAccount_cannotLogIn() {
        assertThrows(IllegalStateException.class, () -> TestLogin.as("carol"));
    }

    private static void refused(Executable call) {
        assertThrows(EJBAccessException.class, call);
    }

    private AuditEntry latestAudit() {
        TestLogin.as("admin");
        return audit.recent(1).get(0);
    }

    /** The mirror's id, read from the database: a disabled mirror is not visible to every caller. */
    private long id(String mirrorName) {
        return TestDatabase.count("SELECT id FROM distribution_mirror WHERE name = '" + mirrorName + "'");
    }

    private long person(String name) {
        return people.getByName(name).getId();
    }

    private static List<String> names(List<MirrorSummary> list) {
        return list.stream().map(MirrorSummary::name).toList();
    }

    private static MirrorForm form(String name, String httpUrl) {
        return MirrorForm.of(name, MirrorSpeed.S1G, "FR", MirrorContent.ARCHIVE, MirrorPulseType.PULL, httpUrl);
    }
}
