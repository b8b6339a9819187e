package org.mirrorwatch.platform;

/** Checks of configured values, so a bad one stops the deployment with a message that names it. */
public final class SettingRules {

    private SettingRules() {
    }

    /**
     * @throws IllegalStateException naming the setting, its value and the rule, e.g. "The setting
     *     mirrorwatch.probe.per-host-limit is 0; it must be at least 1."
     */
    public static void require(boolean ok, String name, Object value, String rule) {
        if (!ok) {
            throw new IllegalStateException("The setting " + name + " is " + value + "; it must be " + rule + ".");
        }
    }
}
