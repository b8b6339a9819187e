package org.mirrorwatch.identity.boundary;

import org.mirrorwatch.identity.entity.ApiToken;

/** A token just created, with its secret: the only time the secret is ever shown. */
public record NewApiToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "NewApiToken[" + token.getPrefix() + "…]";
    }
}
