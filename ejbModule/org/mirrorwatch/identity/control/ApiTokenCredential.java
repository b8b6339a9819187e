package org.mirrorwatch.identity.control;

import jakarta.security.enterprise.credential.Credential;
import java.util.Objects;

/** An API token as a client presented it, in an {@code Authorization: Bearer} header. */
public record ApiTokenCredential(String token) implements Credential {

    public ApiTokenCredential {
        Objects.requireNonNull(token);
    }

    @Override
    public String toString() {
        return "ApiTokenCredential[…]";
    }
}
