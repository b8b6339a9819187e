package org.mirrorwatch.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mirrorwatch.identity.boundary.AccountFacade;
import org.mirrorwatch.platform.MirrorwatchException;

/** The sign-up form. Its answer is the same whether the address has an account or not. */
@Named
@RequestScoped
public class SignUpBean extends AccountFields {

    static final String FORM = "signup";

    @Inject
    AccountFacade accounts;

    private boolean done;

    public void submit() {
        try {
            accounts.signUp(form());
            done = true;
        } catch (MirrorwatchException e) {
            FormMessages.show(FORM, e);
        }
    }

    /** True once the form was accepted: the page then says to look for the mail. */
    public boolean isDone() {
        return done;
    }
}
