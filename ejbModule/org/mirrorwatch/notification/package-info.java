/**
 * Mail, whoever it is about: mails built from templates, kept in a durable outbox in the same
 * transaction as the change they report, and delivered at least once through the container's mail
 * session, with retries and backoff while the SMTP server is away. What to say about an account or a
 * mirror is decided by identity and the registry.
 */
package org.mirrorwatch.notification;
