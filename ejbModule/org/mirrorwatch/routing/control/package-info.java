/**
 * Where a client is: its country and its autonomous system, from IP geolocation databases that are
 * bundled in the WAR or named by the operator, and reloaded when the operator's files change. Which
 * address is the client's is left to the web tier, which knows the proxies in front of it. Which mirrors
 * suit a client of a family is what the prober found (AddressFamilies: a family counts only when the
 * mirror answered on it; a mirror not checked yet suits both), not what DNS says.
 */
package org.mirrorwatch.routing.control;
