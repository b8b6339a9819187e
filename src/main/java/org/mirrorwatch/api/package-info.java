/**
 * The REST API under /api: JAX-RS resources, their request and response records, and the mapping of
 * business failures to problem JSON. It calls the business tier's facades and decides nothing itself.
 */
package org.mirrorwatch.api;
