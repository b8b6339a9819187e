package org.mirrorwatch.console;

import org.mirrorwatch.identity.boundary.SignUpForm;

/**
 * The fields of a new account as the sign-up and setup pages take them. The business tier checks them
 * ({@link SignUpForm}); the pages only carry them there.
 */
public abstract class AccountFields {

    private String name;
    private String displayName;
    private String email;
    private String password;

    /** The fields as they were typed, for the facade to check. */
    protected SignUpForm form() {
        return new SignUpForm(name, displayName, email, password);
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
