/**
 * Reads the publication history the way freshness needs it: the few publications of one key that can
 * decide a mirror's status at a given moment. It runs inside the caller's transaction.
 */
package org.mirrorwatch.publishing.control;
