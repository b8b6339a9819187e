/**
 * Mail to mirror owners and administrators: mails built from templates, kept in a durable outbox in the
 * same transaction as the change they report, and delivered at least once through the container's mail
 * session, with retries and backoff while the SMTP server is away.
 */
package org.mirrorwatch.notification;
