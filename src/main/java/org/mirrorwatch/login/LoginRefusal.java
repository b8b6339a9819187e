package org.mirrorwatch.login;

import java.time.Duration;

/**
 * An API request whose credentials the mechanism refused: 401 (wrong, malformed or unknown credentials)
 * or 429 (a throttled name) with the detail to show, and for 429 the wait. The mechanism leaves it on the
 * request and lets the request through unauthenticated; the API answers it before anything else runs
 * (api.LoginRefusedFilter). Writing the answer in the mechanism would leave the container free to send
 * its own error over it, which WildFly does (UT005023, "Response already committed").
 */
public record LoginRefusal(int status, String detail, Duration retryAfter) {

    /** The request attribute that carries the refusal. */
    public static final String ATTRIBUTE = "org.mirrorwatch.login.refusal";
}
