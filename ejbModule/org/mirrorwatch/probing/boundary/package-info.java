/**
 * Probe rounds as use cases: start a round of the mirrors that are due, probe one mirror now, read a
 * round's live counters and the history of rounds; and the container timer that starts rounds.
 */
package org.mirrorwatch.probing.boundary;
