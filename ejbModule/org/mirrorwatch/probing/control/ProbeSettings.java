package org.mirrorwatch.probing.control;

import static org.mirrorwatch.platform.SettingRules.require;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mirrorwatch.platform.AddressGuard;
import org.mirrorwatch.platform.ProbedAddresses;
import org.mirrorwatch.probing.http.ProbeClient;
import org.mirrorwatch.probing.http.ProbeLimits;
import org.mirrorwatch.probing.http.TlsTrust;
import org.mirrorwatch.registry.entity.MirrorContent;

/** The prober's settings from MicroProfile Config, checked once at start-up so bad values fail loudly. */
@ApplicationScoped
public class ProbeSettings {

    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.timer.enabled")
    boolean timerEnabled;

    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.interval")
    Duration interval;

    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.batch-size")
    int batchSize;

    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.release-batch-size")
    int releaseBatchSize;

    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.per-host-limit")
    int perHostLimit;

    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.overall-limit")
    int overallLimit;

    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.timeout")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.lease-ttl")
    Duration leaseTtl;

    /** This instance's name in shared rounds; the JVM's pid@host when unset. */
    @Inject
    @ConfigProperty(name = "mirrorwatch.instance.name")
    Optional<String> instanceName;

    @Inject
    ProbedAddresses addresses;

    /** Commons Net blocks, so FTP requests get their own small pool of threads. */
    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.ftp-threads")
    int ftpThreads;

    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.trace-gap")
    Duration traceGap;

    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.sync-marker-limit")
    Duration syncMarkerLimit;

    /** A key store file of the authorities HTTPS mirrors' certificates must chain to; the JDK's when unset. */
    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.trust-store")
    Optional<String> trustStore;

    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.trust-store-password")
    Optional<String> trustStorePassword;

    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.trust-store-type")
    String trustStoreType;

    private String instance;
    private ProbeLimits limits;
    private AddressGuard guard;
    private TlsTrust tlsTrust;

    @PostConstruct
    void check() {
        require(interval.compareTo(Duration.ofSeconds(1)) >= 0, "mirrorwatch.probe.interval", interval,
                "at least PT1S");
        require(batchSize >= 1, "mirrorwatch.probe.batch-size", batchSize, "at least 1");
        require(releaseBatchSize >= 1, "mirrorwatch.probe.release-batch-size", releaseBatchSize, "at least 1");
        require(perHostLimit >= 1, "mirrorwatch.probe.per-host-limit", perHostLimit, "at least 1");
        require(overallLimit >= perHostLimit, "mirrorwatch.probe.overall-limit", overallLimit,
                "at least the per-host limit, " + perHostLimit);
        require(!timeout.isNegative() && !timeout.isZero(), "mirrorwatch.probe.timeout", timeout, "positive");
        require(ftpThreads >= 1 && ftpThreads <= 64, "mirrorwatch.probe.ftp-threads", ftpThreads, "from 1 to 64");
        require(leaseTtl.compareTo(Duration.ofSeconds(3)) >= 0, "mirrorwatch.probe.lease-ttl", leaseTtl,
                "at least PT3S");
        require(traceGap.compareTo(Duration.ofHours(1)) >= 0 && traceGap.compareTo(Duration.ofDays(7)) <= 0,
                "mirrorwatch.probe.trace-gap", traceGap, "from PT1H to P7D");
        require(syncMarkerLimit.compareTo(Duration.ofMinutes(5)) >= 0
                && syncMarkerLimit.compareTo(Duration.ofDays(2)) <= 0, "mirrorwatch.probe.sync-marker-limit",
                syncMarkerLimit, "from PT5M to P2D");
        instance = instanceName.map(String::strip).filter(name -> !name.isEmpty())
                .orElseGet(() -> ManagementFactory.getRuntimeMXBean().getName());
        require(instance.length() <= 200 && instance.chars().noneMatch(Character::isISOControl),
                "mirrorwatch.instance.name", instance, "at most 200 characters, none of them control characters");
        guard = addresses.guard();
        tlsTrust = trustStore.filter(path -> !path.isBlank()).map(this::loadTrustStore).orElseGet(TlsTrust::jdkDefault);
        limits = new ProbeLimits(perHostLimit, overallLimit, timeout, 3, 32 * 1024,
                "Mirrorwatch/0.1 (mirror prober; +https://github.com/mirrorwatch)");
    }

    private TlsTrust loadTrustStore(String path) {
        require(Set.of("PKCS12", "JKS").contains(trustStoreType.toUpperCase(Locale.ROOT)),
                "mirrorwatch.probe.trust-store-type", trustStoreType, "PKCS12 or JKS");
        try {
            return TlsTrust.load(Path.of(path), trustStorePassword.map(String::toCharArray).orElse(null),
                    trustStoreType.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The setting mirrorwatch.probe.trust-store is " + path
                    + "; it must be a readable trust store with at least one trusted certificate: " + e.getMessage(), e);
        }
    }

    /** This instance's name in shared rounds: the claims it holds, the probe page, the metrics. */
    public String getInstanceName() {
        return instance;
    }

    public boolean isTimerEnabled() {
        return timerEnabled;
    }

    public Duration getInterval() {
        return interval;
    }

    /** The most mirrors of this content type in one round. */
    /** The name of the setting that bounds a round of this content type. */
    public static String batchSizeSetting(MirrorContent content) {
        return content == MirrorContent.RELEASE ? "mirrorwatch.probe.release-batch-size" : "mirrorwatch.probe.batch-size";
    }

    public int getBatchSize(MirrorContent content) {
        return content == MirrorContent.RELEASE ? releaseBatchSize : batchSize;
    }

    public Duration getLeaseTtl() {
        return leaseTtl;
    }

    public ProbeLimits getLimits() {
        return limits;
    }

    /** How far a trace's age and the pool files' freshness may disagree before a partial sync is flagged. */
    public Duration getTraceGap() {
        return traceGap;
    }

    /** A sync marker younger than this marks the mirror as syncing. */
    public Duration getSyncMarkerLimit() {
        return syncMarkerLimit;
    }

    /**
     * A client for one round or one fetch, with this instance's limits, address guard, FTP threads and the
     * authorities HTTPS mirrors' certificates must chain to; the caller closes it.
     */
    public ProbeClient newClient(ThreadFactory threads, Clock clock) {
        return new ProbeClient(limits, guard, threads, ftpThreads, tlsTrust, clock);
    }
}
