package org.mirrorwatch.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mirrorwatch.identity.control.Caller;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.platform.TooManyRequestsException;
import org.mirrorwatch.registry.entity.DistributionMirror;

/**
 * Who may have a mirror probed now: an administrator always, its owner once per
 * {@code mirrorwatch.probe.reprobe-gap}. The mirror's row is locked while the owner's request is counted,
 * so two requests at once cannot both pass.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class OwnerReprobes {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AccessRules rules;

    @Inject
    @ConfigProperty(name = "mirrorwatch.probe.reprobe-gap")
    Duration reprobeGap;

    /**
     * The mirror, once the caller's request to probe it is admitted.
     *
     * @throws TooManyRequestsException when its owner asked too recently
     */
    public DistributionMirror admit(Caller caller, long mirrorId) {
        if (caller.mirrorAdmin()) {
            return Optional.ofNullable(em.find(DistributionMirror.class, mirrorId))
                    .orElseThrow(() -> new NotFoundException("mirror", mirrorId));
        }
        DistributionMirror mirror = Optional.ofNullable(em.find(DistributionMirror.class, mirrorId,
                LockModeType.PESSIMISTIC_WRITE)).orElseThrow(() -> new NotFoundException("mirror", mirrorId));
        rules.requireMayEdit(mirror);
        mirror.requestReprobe(clock.instant(), reprobeGap).ifPresent(wait -> {
            throw new TooManyRequestsException(mirror.getName() + " was probed on request "
                    + "recently. Ask again in " + Math.max(1, (wait.toSeconds() + 59) / 60) + " minutes.", wait);
        });
        return mirror;
    }
}
