package org.stockbridge.route;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;

/**
 * The read locks of drop folders shared by several instances ({@code readLock=idempotent}): one row per file being
 * read, in the shared database. Camel's orphan-aware repository renews the rows this instance holds and lets a row
 * older than the maximum age (its instance died mid-file) be taken over.
 * <p>
 * An instance removes only the locks it took. Camel 4.18's idempotent read lock removes the key when it fails to
 * acquire it, which deleted the lock of the instance reading the file, so the next poll took the same file again
 * (CAMEL-24484, fixed in later Camel versions; {@code FeedToHubRouteTest} shows both instances' view).
 */
class FeedReadLocks extends JdbcOrphanLockAwareIdempotentRepository {

    private final Set<String> taken = ConcurrentHashMap.newKeySet();

    FeedReadLocks(DataSource dataSource, String processorName, CamelContext camel) {
        super(dataSource, processorName, camel);
    }

    @Override
    protected int insert(String key) {
        int inserted = super.insert(key);
        if (inserted > 0) {
            taken.add(key);
        }
        return inserted;
    }

    @Override
    protected int delete(String key) {
        return taken.remove(key) ? super.delete(key) : 0;
    }
}
