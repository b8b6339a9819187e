package org.mirrorwatch.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;

/**
 * The times of a page, for the {@code mw:time} tag: each relative to one "now", read once per request from
 * the injected clock, so that two times on a page never disagree and tests that fix the clock get fixed
 * words. A missing time gives null, which leaves the attribute out.
 */
@Named("times")
@RequestScoped
public class Times {

    @Inject
    Clock clock;

    private Instant now;

    public String relative(Instant then) {
        return then == null ? null : TimeText.relative(then, now());
    }

    public String exact(Instant then) {
        return then == null ? null : TimeText.exact(then);
    }

    public String datetime(Instant then) {
        return then == null ? null : TimeText.datetime(then);
    }

    private Instant now() {
        if (now == null) {
            now = clock.instant();
        }
        return now;
    }
}
