package org.mirrorwatch.identity.boundary;

import java.time.Instant;
import org.mirrorwatch.identity.entity.ApiToken;
import org.mirrorwatch.identity.entity.ApiTokenScope;

/**
 * One of a person's API tokens as the account page lists it; never its secret, which is shown once, on
 * creation.
 *
 * @param prefix the secret's first characters, so its owner can tell tokens apart
 * @param scope what the token may do
 * @param revokedAt null while the token is not revoked
 * @param lastUsedAt null for a token never used
 */
public record ApiTokenView(long id, String name, String prefix, ApiTokenScope scope, Instant dateCreated,
        Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    static ApiTokenView of(ApiToken token) {
        return new ApiTokenView(token.getId(), token.getName(), token.getPrefix(), token.getScope(),
                token.getDateCreated(),
                token.getExpiresAt(), token.getRevokedAt().orElse(null), token.getLastUsedAt().orElse(null));
    }
}
