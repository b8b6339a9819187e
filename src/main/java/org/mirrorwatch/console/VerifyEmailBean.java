package org.mirrorwatch.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mirrorwatch.identity.boundary.AccountFacade;
import org.mirrorwatch.platform.MirrorwatchException;

/**
 * The page the verification link opens. It confirms on a button press, not on opening: mail scanners
 * that fetch every link must not confirm an address for someone who never clicked.
 */
@Named
@RequestScoped
public class VerifyEmailBean {

    static final String FORM = "verify";

    @Inject
    AccountFacade accounts;

    private String token;
    private String verifiedName;

    public void confirm() {
        try {
            verifiedName = accounts.verifyEmail(token).name();
        } catch (MirrorwatchException e) {
            FormMessages.show(FORM, e);
        }
    }

    /** The name of the account just confirmed; null before. */
    public String getVerifiedName() {
        return verifiedName;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
