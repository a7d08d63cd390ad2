package org.stockbridge.route;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
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
     * &readLockRemoveOnCommit=true} lets exactly one instance pick up each file.
     */
    @Bean
    IdempotentRepository feedReadLockRepository(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "feed-read-lock");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
