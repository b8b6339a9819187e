package org.mirrorwatch.identity.boundary;

/** A token just created, with its secret: the only time the secret is ever shown. */
public record NewApiToken(ApiTokenView token, String secret) {

    @Override
    public String toString() {
        return "NewApiToken[" + token.prefix() + "…]";
    }
}
