package org.stockbridge.route;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import org.stockbridge.hub.SyncRecordRetention;

/**
 * {@code sync-record-retention}: once a day (clustered Quartz, so one instance of a cluster runs it) old sync
 * records are deleted in bounded batches ({@link SyncRecordRetention}).
 */
@Component
public class SyncRecordRetentionRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "sync-record-retention";

    private final SyncRecordRetention retention;
    private final SyncRecordRetention.Settings settings;

    public SyncRecordRetentionRoutes(SyncRecordRetention retention, SyncRecordRetention.Settings settings) {
        this.retention = retention;
        this.settings = settings;
    }

    @Override
    public void configure() {
        from("quartz:stockbridge/" + ROUTE_ID + "?cron=" + settings.cron().replace(' ', '+'))
                .routeId(ROUTE_ID)
                .routeDescription("Deletes sync records older than " + settings.retention() + ", in batches of "
                        + settings.deleteBatch())
                .process(exchange -> exchange.getIn().setBody(retention.deleteExpired()));
    }
}
