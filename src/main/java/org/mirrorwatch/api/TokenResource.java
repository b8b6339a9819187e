package org.mirrorwatch.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.mirrorwatch.identity.boundary.ApiTokenFacade;
import org.mirrorwatch.identity.boundary.ApiTokenView;

/**
 * The caller's own API tokens, as the account page lists them, so a script can tell which of its tokens
 * are limited to a scope and when they expire. Tokens are made and revoked on the account page, where a
 * secret is shown once.
 */
@ApplicationScoped
@Path("v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    ApiTokenFacade tokens;

    /**
     * One of the caller's tokens, never its secret: {@code scope} is FULL (whatever its holder may do) or
     * PUBLISH (only importing publications).
     */
    @JsonbNillable
    public record TokenView(long id, String name, String prefix, String scope, Instant dateCreated,
            Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

        static TokenView of(ApiTokenView token) {
            return new TokenView(token.id(), token.name(), token.prefix(), token.scope().name(), token.dateCreated(),
                    token.expiresAt(), token.revokedAt(), token.lastUsedAt());
        }
    }

    /** The caller's tokens, newest first, revoked and expired ones included. */
    @GET
    public List<TokenView> mine() {
        return tokens.myTokens().stream().map(TokenView::of).toList();
    }
}
