package org.mirrorwatch.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static MailSettings withBaseUrl(String baseUrl) {
        MailSettings settings = new MailSettings();
        settings.baseUrl = baseUrl;
        settings.from = "mirrorwatch@example.org";
        return settings;
    }

    @Test
    void linksToLocalhost_reachABrowserOnTheSameMachine_underAnyLoopbackName() {
        MailSettings settings = withBaseUrl("http://localhost:8080");

        assertTrue(settings.linksReach("localhost"));
        assertTrue(settings.linksReach("127.0.0.1"));
        assertTrue(settings.linksReach("[::1]"));
        assertFalse(settings.linksReach("mirrors.example.org"));
        assertFalse(settings.linksReach("127.0.0.1.example.org"), "a name is judged by its spelling, never resolved");
    }

    @Test
    void linksToAPublicName_reachOnlyThatName_inAnyCase() {
        MailSettings settings = withBaseUrl("https://Mirrors.Example.org/");

        assertEquals("mirrors.example.org", settings.linkHost());
        assertTrue(settings.linksReach("MIRRORS.example.ORG"));
        assertFalse(settings.linksReach("localhost"));
        assertEquals("https://Mirrors.Example.org/verify.xhtml?token=x", settings.link("/verify.xhtml?token=x"));
    }

    @Test
    void aBaseUrlNoLinkCouldUse_stopsTheDeployment_namingTheSetting() {
        for (String bad : new String[] {"localhost:8080", "ftp://mirrors.example.org", "https://", "/mirrorwatch",
                "https://mirrors.example.org/?a=b", "https://mirrors.example.org/#top", "https://u:p@mirrors.example.org",
                "http://bad host/"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> withBaseUrl(bad).checkAtStart(null), bad);
            assertTrue(refused.getMessage().startsWith("The setting mirrorwatch.base-url is " + bad + "; it must be"),
                    refused.getMessage());
        }
        withBaseUrl("https://mirrors.example.org/ubuntu-mirrors").checkAtStart(null);
    }
}
