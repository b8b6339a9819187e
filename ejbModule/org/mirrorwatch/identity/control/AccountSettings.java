package org.mirrorwatch.identity.control;

import static org.mirrorwatch.platform.SettingRules.require;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of accounts and logins, checked when the application starts, so a bad value stops the
 * deployment instead of the first login.
 */
@ApplicationScoped
public class AccountSettings {

    @Inject
    @ConfigProperty(name = "mirrorwatch.password.iterations")
    int passwordIterations;

    @Inject
    @ConfigProperty(name = "mirrorwatch.login.free-failures")
    int freeFailures;

    @Inject
    @ConfigProperty(name = "mirrorwatch.login.first-block")
    Duration firstBlock;

    @Inject
    @ConfigProperty(name = "mirrorwatch.login.max-block")
    Duration maxBlock;

    @Inject
    @ConfigProperty(name = "mirrorwatch.account.verify-link-ttl")
    Duration verifyLinkTtl;

    @Inject
    @ConfigProperty(name = "mirrorwatch.account.reset-link-ttl")
    Duration resetLinkTtl;

    @Inject
    @ConfigProperty(name = "mirrorwatch.setup.token-ttl")
    Duration setupTokenTtl;

    @PostConstruct
    void check() {
        require(passwordIterations >= 1024, "mirrorwatch.password.iterations", passwordIterations,
                "at least 1024, the container's minimum; 210000 or more in production");
        require(freeFailures >= 1, "mirrorwatch.login.free-failures", freeFailures, "at least 1");
        require(firstBlock.compareTo(Duration.ofSeconds(1)) >= 0, "mirrorwatch.login.first-block", firstBlock,
                "at least PT1S");
        require(maxBlock.compareTo(firstBlock) >= 0, "mirrorwatch.login.max-block", maxBlock,
                "at least the first block, " + firstBlock);
        require(verifyLinkTtl.compareTo(Duration.ofMinutes(5)) >= 0, "mirrorwatch.account.verify-link-ttl",
                verifyLinkTtl, "at least PT5M");
        require(resetLinkTtl.compareTo(Duration.ofMinutes(5)) >= 0, "mirrorwatch.account.reset-link-ttl",
                resetLinkTtl, "at least PT5M");
        require(setupTokenTtl.compareTo(Duration.ofMinutes(5)) >= 0, "mirrorwatch.setup.token-ttl", setupTokenTtl,
                "at least PT5M");
    }

    /** Creates the bean, and so checks the settings, as the application starts. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        getPasswordIterations();
    }

    public int getPasswordIterations() {
        return passwordIterations;
    }

    public int getFreeFailures() {
        return freeFailures;
    }

    public Duration getFirstBlock() {
        return firstBlock;
    }

    public Duration getMaxBlock() {
        return maxBlock;
    }

    public Duration getVerifyLinkTtl() {
        return verifyLinkTtl;
    }

    public Duration getResetLinkTtl() {
        return resetLinkTtl;
    }

    public Duration getSetupTokenTtl() {
        return setupTokenTtl;
    }
}
