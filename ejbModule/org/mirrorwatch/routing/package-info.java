/**
 * Sends users' machines to good mirrors: where the client is, and which mirrors suit it.
 */
package org.mirrorwatch.routing;
