package org.mirrorwatch.notification;

/** Fired when a mail enters the outbox, so delivery can start as soon as its transaction commits. */
public record MailQueued(long outboxId) {
}
