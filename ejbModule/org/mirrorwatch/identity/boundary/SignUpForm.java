package org.mirrorwatch.identity.boundary;

import org.mirrorwatch.platform.PlainText;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.Serializable;
import java.util.Optional;
import org.mirrorwatch.platform.FieldErrors;
import org.mirrorwatch.platform.LaunchpadNames;

/** A sign-up as someone typed it; {@link #validate} checks every field and reports all problems at once. */
public record SignUpForm(String name, String displayName, String email, String password) implements Serializable {

    public static final String NAME = "name";
    public static final String DISPLAY_NAME = "displayName";
    public static final String EMAIL = "email";
    public static final String PASSWORD = "password";

    /** The checks that need no database; the password policy comes in as {@code passwordWeakness}. */
    SignUpForm validate(Optional<String> passwordWeakness) {
        FieldErrors errors = new FieldErrors();
        if (name == null || !LaunchpadNames.isValid(name.strip())) {
            errors.add(NAME, "Choose a name of 2 to 64 characters: lower-case letters, digits, \"+\", \".\""
                    + " and \"-\", starting with a letter or digit, e.g. jane-doe.");
        }
        String validDisplayName = errors.requiredText(DISPLAY_NAME, displayName, 200, PlainText.Lines.ONE,
                "Enter the name people know you by, in at most 200 characters.");
        if (!isMailAddress(email)) {
            errors.add(EMAIL, "Enter an email address such as jane@example.org; the link to confirm it goes there.");
        }
        passwordWeakness.ifPresent(weakness -> errors.add(PASSWORD, weakness));
        errors.throwIfAny();
        return new SignUpForm(name.strip(), validDisplayName, email.strip(), password);
    }

    static boolean isMailAddress(String text) {
        if (text == null || text.isBlank() || text.strip().length() > 254
                || PlainText.forbiddenCharacter(text.strip(), PlainText.Lines.ONE).isPresent()) {
            return false;
        }
        try {
            InternetAddress address = new InternetAddress(text.strip(), true);
            return address.getPersonal() == null && address.getAddress().equals(text.strip())
                    && address.getAddress().indexOf('@') > 0;
        } catch (AddressException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SignUpForm[name=" + name + ", email=" + email + "]";
    }
}
