/**
 * The one way to look up distributions, series and architecture series, inside the caller's transaction.
 */
package org.mirrorwatch.reference.control;
