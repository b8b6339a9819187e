package org.mirrorwatch.probing.control;

import static org.mirrorwatch.platform.SettingRules.require;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mirrorwatch.platform.AddressGuard;
import org.mirrorwatch.platform.ProbedAddresses;
import org.mirrorwatch.probing.http.ProbeLimits;
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

    @Inject
    ProbedAddresses addresses;

    /** Commons Net blocks, so FTP requests get their own small pool of threads. */
    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.ftp-threads")
    int ftpThreads;

    private ProbeLimits limits;
    private AddressGuard guard;

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
        guard = addresses.guard();
        limits = new ProbeLimits(perHostLimit, overallLimit, timeout, 3, 32 * 1024,
                "Mirrorwatch/0.1 (mirror prober; +https://github.com/mirrorwatch)");
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

    public int getFtpThreads() {
        return ftpThreads;
    }

    public AddressGuard getGuard() {
        return guard;
    }
}
