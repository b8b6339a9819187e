package org.mirrorwatch.reference.entity;

/** The continent a country lies on, used for mirror-list fallbacks and throughput summaries. */
public enum Continent {
    /** Africa. */
    AFRICA,
    /** Antarctica. */
    ANTARCTICA,
    /** Asia. */
    ASIA,
    /** Europe. */
    EUROPE,
    /** North America, Central America and the Caribbean. */
    NORTH_AMERICA,
    /** Oceania. */
    OCEANIA,
    /** South America. */
    SOUTH_AMERICA
}
