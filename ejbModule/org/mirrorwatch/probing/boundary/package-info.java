/**
 * Probe rounds as use cases: start a round of the mirrors that are due, probe one mirror now, read a
 * round's live counters, its claims per instance and the history of rounds; the container timer that
 * starts rounds, and the watcher that brings this instance into the rounds other instances started.
 */
package org.mirrorwatch.probing.boundary;
