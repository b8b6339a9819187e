/**
 * The archive's reference data, which mirrors, publications and probes all point at: distributions and
 * their series, architecture series, components, pockets, countries and continents, and the URL value
 * object that every base URL is. It knows nothing of mirrors, people or the prober.
 */
package org.mirrorwatch.reference.entity;
