package org.stockbridge.route;

import java.time.Duration;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The feed files already processed, in the hub database (table {@code CAMEL_MESSAGEPROCESSED}, created by
 * Flyway): survives restarts and is shared by every instance.
 */
@Configuration(proxyBeanMethods = false)
public class FeedRepositoryConfig {

    @Bean
    IdempotentRepository feedFileRepository(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "feed-files");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    /**
     * For drop folders shared by several instances: {@code readLock=idempotent&idempotentRepository=#feedReadLockRepository
     * &readLockRemoveOnCommit=true} lets exactly one instance pick up each file. The instance reading a file renews
     * its lock every {@code read-lock-keep-alive}; a lock older than {@code read-lock-max-age} belongs to an instance
     * that died mid-file (kill -9 leaves the row behind) and is taken over, so the file is read again instead of
     * being skipped for good.
     */
    @Bean
    IdempotentRepository feedReadLockRepository(DataSource dataSource, CamelContext camel,
            @Value("${stockbridge.feeds.read-lock-max-age:2m}") Duration maxAge,
            @Value("${stockbridge.feeds.read-lock-keep-alive:30s}") Duration keepAlive) {
        FeedReadLocks repository = new FeedReadLocks(dataSource, "feed-read-lock", camel);
        repository.setCreateTableIfNotExists(false);
        repository.setLockMaxAgeMillis(maxAge.toMillis());
        repository.setLockKeepAliveIntervalMillis(keepAlive.toMillis());
        return repository;
    }
}
