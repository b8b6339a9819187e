/**
 * The figures operators watch: whether the database answers, the mail outbox's backlog, the probe rounds'
 * counters and how many mirrors are in each freshness status. The web tier serves them as health and
 * metrics; this package only reads them.
 */
package org.mirrorwatch.operations;
