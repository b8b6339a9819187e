package org.mirrorwatch.console;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.mirrorwatch.identity.boundary.AccountFacade;
import org.mirrorwatch.registry.boundary.MirrorFacade;
import org.mirrorwatch.registry.boundary.MirrorQuery;
import org.mirrorwatch.registry.boundary.MirrorSummary;

/** "My mirrors": the caller's mirrors, enabled or not, with their review state and latest probe. */
@Named
@RequestScoped
public class MyMirrorsBean {

    static final int MOST_SHOWN = 500;

    @Inject
    MirrorFacade mirrors;

    @Inject
    AccountFacade accounts;

    private List<MirrorSummary> mine;

    @PostConstruct
    void load() {
        mine = mirrors.list(new MirrorQuery(null, null, null, null, null, null, null, accounts.me().name(), null),
                null, MOST_SHOWN).mirrors();
    }

    public List<MirrorSummary> getMirrors() {
        return mine;
    }
}
