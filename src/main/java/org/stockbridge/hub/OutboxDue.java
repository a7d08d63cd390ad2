package org.stockbridge.hub;

/**
 * Published by {@link OutboxStore} when entries became due now: a hint for this instance's drains to look at
 * their outbox at once instead of at their next poll. Listeners that read the outbox take it after the commit
 * (Spring's {@code @TransactionalEventListener}); drains of other instances sharing the database still find the
 * entries by polling.
 *
 * @param connection the connection whose entries became due; null when it may be any connection
 */
public record OutboxDue(String connection) {

    public static final OutboxDue ANY = new OutboxDue(null);

    public boolean concerns(String connectionId) {
        return connection == null || connection.equals(connectionId);
    }
}
