/**
 * Non-blocking HEAD requests for probes, on Jetty's HttpClient: per-host and overall limits, a total
 * deadline per request, redirects checked hop by hop, and the host-skip rule. It knows nothing of mirrors
 * or the database; its callbacks run on threads the container does not manage, so callers keep JPA out.
 */
package org.mirrorwatch.probing.http;
