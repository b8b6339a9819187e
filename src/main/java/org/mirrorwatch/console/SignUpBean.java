package org.mirrorwatch.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mirrorwatch.identity.boundary.AccountFacade;
import org.mirrorwatch.identity.boundary.SignUpForm;
import org.mirrorwatch.platform.MirrorwatchException;

/** The sign-up form. Its answer is the same whether the address has an account or not. */
@Named
@RequestScoped
public class SignUpBean {

    static final String FORM = "signup";

    @Inject
    AccountFacade accounts;

    private String name;
    private String displayName;
    private String email;
    private String password;
    private boolean done;

    public void submit() {
        try {
            accounts.signUp(new SignUpForm(name, displayName, email, password));
            done = true;
        } catch (MirrorwatchException e) {
            FormMessages.show(FORM, e);
        }
    }

    /** True once the form was accepted: the page then says to look for the mail. */
    public boolean isDone() {
        return done;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
