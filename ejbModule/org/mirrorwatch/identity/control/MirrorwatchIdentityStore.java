package org.mirrorwatch.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;
import org.mirrorwatch.identity.entity.Person;

/**
 * The application's one identity store: people, their password hashes and their groups come from the
 * database, as they are at each request, so a role taken or an account turned off counts at once. It
 * checks a name (or email address) with a password, and an API token. The caller it returns is always
 * the person's name, so every rule can find the person by it.
 */
@ApplicationScoped
public class MirrorwatchIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    @Inject
    Passwords passwords;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential password) {
            return validatePassword(password.getCaller(), password.getPasswordAsString());
        }
        if (credential instanceof ApiTokenCredential token) {
            return accounts.useApiToken(token.token())
                    .map(found -> new CredentialValidationResult(found.getPerson().getName(), Accounts.groupsOf(found)))
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    /** An unknown name costs one password check, as a known one does, so timing tells nothing. */
    private CredentialValidationResult validatePassword(String login, String password) {
        Optional<Person> person = accounts.findByLogin(login);
        boolean matches = passwords.verify(password, person.flatMap(Person::getPasswordHash));
        return person.filter(found -> matches && found.canLogIn()).map(MirrorwatchIdentityStore::valid)
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return accounts.groupsOfActive(validationResult.getCallerPrincipal().getName()).orElse(Set.of());
    }

    private static CredentialValidationResult valid(Person person) {
        return new CredentialValidationResult(person.getName(), Accounts.groupsOf(person));
    }
}
