package org.mirrorwatch.probing.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Launchpad's rule: 301/302/303, at most three times, to the same file name over HTTP or HTTPS. */
class RedirectPolicyTest {

    private static final URI FROM = URI.create("http://m.example/ubuntu/dists/warty/Release");

    private final RedirectPolicy policy = new RedirectPolicy(3);

    @Test
    void only301_302And303_areRedirects() {
        assertTrue(RedirectPolicy.isRedirect(301));
        assertTrue(RedirectPolicy.isRedirect(302));
        assertTrue(RedirectPolicy.isRedirect(303));
        assertFalse(RedirectPolicy.isRedirect(307), "307 and 308 are failures, as in Launchpad");
        assertFalse(RedirectPolicy.isRedirect(308));
        assertFalse(RedirectPolicy.isRedirect(200));
    }

    @Test
    void aRedirectToTheSameFileOnAnotherHost_isFollowed() {
        assertEquals(new RedirectPolicy.Follow(URI.create("https://other.example/mirror/ubuntu/dists/warty/Release")),
                policy.decide(FROM, 0, "https://other.example/mirror/ubuntu/dists/warty/Release"));
    }

    @Test
    void aRelativeLocation_isResolvedAgainstTheRequestedUrl() {
        assertEquals(new RedirectPolicy.Follow(URI.create("http://m.example/archive/dists/warty/Release")),
                policy.decide(FROM, 0, " /archive/dists/warty/Release "));
    }

    @Test
    void theThirdRedirect_isFollowed_theFourthIsNot() {
        assertEquals(RedirectPolicy.Follow.class, policy.decide(FROM, 2, FROM.toString()).getClass());
        assertEquals("more than 3 redirects", refusal(policy.decide(FROM, 3, FROM.toString())));
    }

    @Test
    void aRedirectWithoutLocation_isRefused() {
        assertEquals("redirect without a Location", refusal(policy.decide(FROM, 0, null)));
        assertEquals("redirect without a Location", refusal(policy.decide(FROM, 0, "  ")));
    }

    @Test
    void aMissingLocation_isReportedBeforeTheHopCount() {
        assertEquals("redirect without a Location", refusal(policy.decide(FROM, 3, "")));
    }

    @Test
    void aRedirectToAnotherFile_isRefused() {
        assertEquals("redirect to a different file: http://m.example/ubuntu/dists/warty/Release.old",
                refusal(policy.decide(FROM, 0, "Release.old")));
    }

    @Test
    void aRedirectToAnotherScheme_isRefused() {
        assertEquals("redirect to an unknown scheme: gopher://m.example/ubuntu/dists/warty/Release",
                refusal(policy.decide(FROM, 0, "gopher://m.example/ubuntu/dists/warty/Release")));
        assertEquals("redirect to an unknown scheme: ftp://m.example/ubuntu/dists/warty/Release",
                refusal(policy.decide(FROM, 0, "ftp://m.example/ubuntu/dists/warty/Release")));
    }

    @Test
    void aLocationThatIsNotAUrl_isRefused() {
        assertEquals("redirect to an invalid URL: http://m.example/a b|c",
                refusal(policy.decide(FROM, 0, "http://m.example/a b|c")));
    }

    private static String refusal(RedirectPolicy.Decision decision) {
        return ((RedirectPolicy.Refuse) decision).failure().reason();
    }
}
