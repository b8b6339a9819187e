package org.mirrorwatch.registry.boundary;

/** The mirrors of one country that a list query finds: how many, and their summed speed in kbit/s. */
public record CountryCount(String isoCode, String name, long mirrors, long kbps) {
}
