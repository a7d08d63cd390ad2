package org.stockbridge.push;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Which shops this instance sends to. A shop's rate limit is paced in one process ({@code ShopPace}); two instances
 * sending to the same shop would each keep to the limit and together show it twice. So on PostgreSQL each shop has
 * one sender: the instance that holds the shop's session-level advisory lock ({@code pg_try_advisory_lock}) on a
 * connection of its own, opened beside the pool (a pooled connection would go back to the pool on close, its
 * session and locks alive). PostgreSQL releases the locks when that session ends, so when the sending instance
 * stops or its connection closes another takes the shop over at its next drain (within the poll period); no lease
 * to renew, no table of our own. A host that vanishes without closing its socket keeps the session until the
 * server's TCP keepalive gives up on it ({@code tcp_keepalives_idle}, set it low in a cluster). The other instances
 * still take in feeds and orders and fill the outbox; the sender drains it.
 * <p>
 * H2 is embedded: one process has the database, so this instance sends to every shop. With
 * {@code stockbridge.push.one-sender-per-shop=false} every instance sends to every shop (each within the limit).
 * <p>
 * The lock connection is checked at most once a second; if it breaks, this instance claims nothing for any shop
 * until a new connection has taken the locks again. Between the server dropping the session and that check (under
 * a second), and for the requests this instance had already queued (at most {@code requests-in-flight}) or a list
 * read already under way, another instance may already send: the moments two instances can share a shop's limit.
 */
@Component
public class ShopSenders implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ShopSenders.class);
    private static final long CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long RECONNECT_SECONDS = 5;

    private final DataSourceProperties database;
    private final boolean exclusive;
    // read without the lock by holds(); changed only under it
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private Connection locks;
    private long checkedAt;
    // after a failed connection, no new attempt (nor warning) before this: drains ask every second, for every shop
    private long reconnectAt;

    public ShopSenders(DataSourceProperties database, PushProperties settings) {
        this.database = database;
        this.exclusive = settings.oneSenderPerShop() && database.determineUrl().startsWith("jdbc:postgresql:");
        LOG.info(exclusive ? "one sender per shop: on (PostgreSQL advisory locks; instances sharing the database send "
                + "to each shop one at a time)" : "one sender per shop: off (this instance sends to every shop)");
    }

    /**
     * The shop's lock: one 64-bit key (FNV-1a of {@code stockbridge shop <id>}), a key space of its own in
     * PostgreSQL apart from two-key locks, wide enough that two shops practically never share one.
     */
    public static long lockKey(String shop) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : ("stockbridge shop " + shop).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** Whether shops have one sender among several instances (PostgreSQL, turned on); else this one sends to all. */
    public boolean oneSenderPerShop() {
        return exclusive;
    }

    /** Whether this instance holds the shop now, without trying to take it (for the shop's status). */
    public boolean holds(String shop) {
        return !exclusive || held.contains(shop);
    }

    /** Whether this instance sends to the shop now; takes the shop when no other instance sends to it. */
    public synchronized boolean sendsTo(String shop) {
        if (!exclusive) {
            return true;
        }
        if (locks == null && System.nanoTime() - reconnectAt < 0) {
            return false;
        }
        try {
            Connection connection = lockConnection();
            if (held.contains(shop)) {
                return true;
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, lockKey(shop));
                try (ResultSet taken = lock.executeQuery()) {
                    if (taken.next() && taken.getBoolean(1)) {
                        held.add(shop);
                        LOG.info("{}: this instance sends to the shop (one sender per shop)", shop);
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            LOG.warn("shop senders: the lock connection failed ({}); this instance sends to no shop until it is back "
                    + "(next try in {} s)", e.getMessage(), RECONNECT_SECONDS);
            drop();
            reconnectAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(RECONNECT_SECONDS);
            return false;
        }
    }

    private Connection lockConnection() throws SQLException {
        long now = System.nanoTime();
        if (locks != null && now - checkedAt > CHECK_NANOS) {
            if (!locks.isValid(2)) {
                LOG.warn("shop senders: the lock connection was lost; {} shops are free for other instances", held.size());
                drop();
            }
            checkedAt = now;
        }
        if (locks == null) {
            locks = DriverManager.getConnection(database.determineUrl(), lockConnectionProperties());
            locks.setAutoCommit(true);
            checkedAt = now;
        }
        return locks;
    }

    /**
     * Every drain of every shop waits on this object while it talks to the database: a connection that cannot be
     * opened, or a half-open one, must fail within seconds (PostgreSQL JDBC timeouts, in seconds), not block them.
     */
    private Properties lockConnectionProperties() {
        Properties properties = new Properties();
        if (database.determineUsername() != null) {
            properties.setProperty("user", database.determineUsername());
        }
        if (database.determinePassword() != null) {
            properties.setProperty("password", database.determinePassword());
        }
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "5");
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("ApplicationName", "stockbridge shop senders");
        return properties;
    }

    private void drop() {
        held.clear();
        if (locks != null) {
            try {
                locks.close();
            } catch (SQLException ignored) {
                // it is being given up
            }
            locks = null;
        }
    }

    /**
     * Stopping: the shops are let go before the connection closes. Closing alone ends the session only when the
     * server's backend has processed it, a moment later; unlocking first means another instance's very next
     * drain can take the shops over.
     */
    @Override
    public synchronized void destroy() {
        if (locks != null && !held.isEmpty()) {
            try (PreparedStatement unlock = locks.prepareStatement("SELECT pg_advisory_unlock_all()")) {
                // a half-open connection must not hold up the stop: the read gives up after 2 s, not the socket's 10
                locks.setNetworkTimeout(Runnable::run, 2_000);
                unlock.execute();
            } catch (SQLException e) {
                LOG.debug("shop senders: unlocking on stop failed ({}); the session's end frees the shops", e.getMessage());
            }
        }
        drop();
    }
}
