package org.mirrorwatch.identity.control;

import org.mirrorwatch.notification.MailOutbox;
import org.mirrorwatch.notification.MailTemplates;
import org.mirrorwatch.notification.OutboxMail;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mirrorwatch.identity.entity.Person;

/** The mails about a person's own account: the verification link, a reset link, a repeated sign-up. */
@Stateless
public class AccountNotifications {

    @Inject
    MailOutbox outbox;

    @Inject
    @ConfigProperty(name = "mirrorwatch.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    public OutboxMail verifyAddress(Person person, String token, Duration validFor) {
        return outbox.queue(List.of(person.getMailbox()), "Confirm your Mirrorwatch account",
                MailTemplates.fill("account-verify.txt", Map.of(
                        "person", person.getDisplayName(),
                        "name", person.getName(),
                        "link", link("verify.xhtml", token),
                        "hours", Long.toString(validFor.toHours()))));
    }

    public OutboxMail resetPassword(Person person, String token, Duration validFor) {
        return outbox.queue(List.of(person.getMailbox()), "Reset your Mirrorwatch password",
                MailTemplates.fill("password-reset.txt", Map.of(
                        "person", person.getDisplayName(),
                        "name", person.getName(),
                        "link", link("reset-password.xhtml", token),
                        "minutes", Long.toString(validFor.toMinutes()))));
    }

    /** Someone signed up with an address that has an account: its owner hears of it, nobody else. */
    public OutboxMail signUpWithKnownAddress(Person person) {
        return outbox.queue(List.of(person.getMailbox()), "Your Mirrorwatch account",
                MailTemplates.fill("account-exists.txt", Map.of(
                        "person", person.getDisplayName(),
                        "name", person.getName(),
                        "link", MailTemplates.withoutTrailingSlash(baseUrl) + "/reset-password.xhtml")));
    }

    private String link(String page, String token) {
        return MailTemplates.withoutTrailingSlash(baseUrl) + "/" + page + "?token=" + token;
    }
}
