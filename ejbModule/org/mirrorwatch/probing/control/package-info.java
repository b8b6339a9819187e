/**
 * How a probe round works inside: it plans on a managed thread, probes every mirror over HTTP without
 * blocking (each HTTPS host's TLS once, each mirror's address families on a sample of the files it found),
 * then records each mirror's results in a transaction of its own. A round of the due mirrors is
 * shared work: its mirrors become one claim per host in PostgreSQL, which every live instance takes in
 * batches ({@code FOR UPDATE SKIP LOCKED}) and holds by a heartbeat ({@link RoundParticipant},
 * {@link ClaimStore}); per host, so the per-host limit never adds up across instances, while the overall
 * limit is each instance's own. These beans have no caller
 * to check: the timer and the executor's tasks run them, and the web tier never reaches them. Once the
 * facades are secured, probing keeps writing through these beans, which carry no role restrictions.
 */
package org.mirrorwatch.probing.control;
