package org.mirrorwatch.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.mirrorwatch.platform.NotFoundException;
import org.mirrorwatch.registry.entity.DistributionMirror;

/**
 * A mirror by name as the caller may see it ({@link AccessRules#mayView}): to anyone else, a disabled
 * mirror does not exist. Every read of one mirror for a screen or the API goes through here.
 */
@ApplicationScoped
public class VisibleMirrors {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessRules rules;

    public Optional<DistributionMirror> find(String name) {
        Optional<DistributionMirror> mirror = em.createNamedQuery("DistributionMirror.findByName",
                DistributionMirror.class).setParameter("name", name).getResultStream().findFirst();
        return mirror.isEmpty() || mirror.get().isEnabled() ? mirror
                : mirror.filter(disabled -> AccessRules.mayView(rules.currentCaller(), disabled));
    }

    public DistributionMirror get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("mirror", name));
    }
}
