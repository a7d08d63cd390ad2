package org.stockbridge.route;

import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.Scheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camel's {@code quartz:} endpoints run on the Quartz scheduler Spring Boot builds from {@code spring.quartz.*}:
 * a JDBC job store in the hub database, clustered, so several hub instances share schedules and each job fires
 * on one instance only.
 */
@Configuration(proxyBeanMethods = false)
public class QuartzConfig {

    @Bean("quartz")
    QuartzComponent quartz(Scheduler scheduler) {
        QuartzComponent quartz = new QuartzComponent();
        quartz.setScheduler(scheduler);
        return quartz;
    }
}
