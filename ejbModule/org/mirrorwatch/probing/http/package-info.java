/**
 * The requests of probes: HEAD over HTTP(S) on Jetty's non-blocking HttpClient, and SIZE over FTP with
 * Commons Net on a small capped pool. Both share per-host and overall limits, a total deadline per
 * request, the address guard and the host-skip rule; redirects are checked hop by hop. A request may be
 * pinned to one address family (PinnedHeadClient), for the family checks: the resolver then gives it one
 * allowed address of that family, or fails it when the host publishes none, and its failure counts towards
 * no skip rule. It knows nothing
 * of mirrors or the database; its callbacks run on threads the container does not manage, so callers keep
 * JPA out.
 */
package org.mirrorwatch.probing.http;
