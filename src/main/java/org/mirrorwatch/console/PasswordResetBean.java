package org.mirrorwatch.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.mirrorwatch.identity.boundary.AccountFacade;
import org.mirrorwatch.platform.MirrorwatchException;

/**
 * Both halves of a password reset: asking for the link by address, and choosing a new password with
 * the link's token. Asking gets the same answer whether the address has an account or not. It lives as
 * long as the page, so the token of the link is still known when the form is posted back.
 */
@Named
@ViewScoped
public class PasswordResetBean implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String REQUEST_FORM = "request";
    static final String RESET_FORM = "reset";

    @Inject
    AccountFacade accounts;

    private String email;
    private String token;
    private String password;
    private boolean requested;
    private String resetName;

    public void requestLink() {
        try {
            accounts.requestPasswordReset(email);
            requested = true;
        } catch (MirrorwatchException e) {
            FormMessages.show(REQUEST_FORM, e);
        }
    }

    public void reset() {
        try {
            resetName = accounts.resetPassword(token, password).name();
        } catch (MirrorwatchException e) {
            FormMessages.show(RESET_FORM, e);
        }
    }

    /** Whether the page was opened with a token, so it shows the new-password form. */
    public boolean isWithToken() {
        return token != null && !token.isBlank();
    }

    /** Whether the token can still be used; checked before anyone types a password. */
    public boolean isTokenUsable() {
        return isWithToken() && accounts.isResetLinkUsable(token);
    }

    public boolean isRequested() {
        return requested;
    }

    public String getResetName() {
        return resetName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
