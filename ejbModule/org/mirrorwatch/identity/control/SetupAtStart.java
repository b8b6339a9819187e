package org.mirrorwatch.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Offers the setup of the first administrator when the application starts on a database that has none:
 * a fresh setup token goes to the log. Once an administrator exists, a token left from before is deleted.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class SetupAtStart {

    @Inject
    Administrators administrators;

    @Inject
    SetupTokens tokens;

    @PostConstruct
    void offerSetup() {
        if (administrators.noneActive()) {
            tokens.issue();
        } else {
            tokens.discard();
        }
    }
}
